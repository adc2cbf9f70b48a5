using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.VoiceBridge.Persistence;

internal sealed class ProcessedVoiceEventEntityTypeConfiguration : IEntityTypeConfiguration<ProcessedVoiceEvent>
{
    public void Configure(EntityTypeBuilder<ProcessedVoiceEvent> builder)
    {
        builder.ToTable("voice_processed_events");
        // The key is the dedupe: a second insert of one id fails on every node.
        builder.HasKey(e => new { e.Source, e.EventId });
        builder.Property(e => e.Source).HasMaxLength(16);
        builder.Property(e => e.EventId).HasMaxLength(128);
        builder.Property(e => e.Type).HasMaxLength(128).IsRequired();
        builder.HasIndex(e => e.ReceivedAtUtc);
        // Ciphertext: no maximum length.
        builder.Property(e => e.Payload);
        builder.HasIndex(e => new { e.HandledAtUtc, e.ReceivedAtUtc });
    }
}
