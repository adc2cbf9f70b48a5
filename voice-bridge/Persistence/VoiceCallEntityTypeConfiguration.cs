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
    }
}
