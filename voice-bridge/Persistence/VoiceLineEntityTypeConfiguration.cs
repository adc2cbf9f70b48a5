using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.VoiceBridge.Persistence;

internal sealed class VoiceLineEntityTypeConfiguration : IEntityTypeConfiguration<VoiceLine>
{
    /// <summary>E.164: '+' and at most 15 digits.</summary>
    public const int NumberLength = 16;

    public const int NameLength = 100;

    public const int GreetingLength = 500;

    public void Configure(EntityTypeBuilder<VoiceLine> builder)
    {
        builder.ToTable("voice_lines");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Number).HasMaxLength(NumberLength).IsRequired();
        builder.HasIndex(l => l.Number).IsUnique();
        builder.Property(l => l.Name).HasMaxLength(NameLength).IsRequired();
        builder.Property(l => l.Greeting).HasMaxLength(GreetingLength);
        builder.Property(l => l.Languages).HasMaxLength(32).IsRequired();
        builder.Property(l => l.EmergencyForwardTo).HasMaxLength(NumberLength);
        builder.Property(l => l.Version).IsConcurrencyToken();
    }
}
