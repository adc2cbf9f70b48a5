using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.VoiceBridge.Persistence;

internal sealed class VoiceLineSwitchEntityTypeConfiguration : IEntityTypeConfiguration<VoiceLineSwitch>
{
    public void Configure(EntityTypeBuilder<VoiceLineSwitch> builder)
    {
        builder.ToTable("voice_line_switches");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.LineNumber).HasMaxLength(VoiceLineEntityTypeConfiguration.NumberLength).IsRequired();
        builder.Property(s => s.ForwardTo).HasMaxLength(VoiceLineEntityTypeConfiguration.NumberLength);
        builder.HasIndex(s => s.SwitchedAtUtc);
    }
}
