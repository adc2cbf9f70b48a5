using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.VoiceBridge.Persistence;

internal sealed class VoiceCallEntityTypeConfiguration : IEntityTypeConfiguration<VoiceCall>
{
    public void Configure(EntityTypeBuilder<VoiceCall> builder)
    {
        builder.ToTable("voice_calls");
        builder.HasKey(c => c.CallConnectionId);
        builder.Property(c => c.CallConnectionId).HasMaxLength(128);
        // Ciphertext: no maximum length.
        builder.Property(c => c.CallerEncrypted).IsRequired();
        builder.Property(c => c.LineNumber).HasMaxLength(32).IsRequired();
        builder.Property(c => c.Language).HasMaxLength(8).IsRequired();
        builder.Property(c => c.FlowState).IsRequired();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => c.ConversationId);
        // Defaults for the rows of calls made before the call record existed.
        builder.Property(c => c.Path).HasMaxLength(VoiceCallRecord.MaxPath).IsRequired().HasDefaultValue("");
        builder.Property(c => c.FaqIds).HasMaxLength(VoiceCallRecord.MaxFaqIds).IsRequired().HasDefaultValue("");
        builder.Property(c => c.Questions).HasDefaultValue(0);
        builder.Property(c => c.SmsSent).HasDefaultValue(0);
        builder.Property(c => c.DepartmentNumber).HasMaxLength(32);
        builder.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(24);
        builder.HasIndex(c => c.StartedAtUtc);
    }
}
