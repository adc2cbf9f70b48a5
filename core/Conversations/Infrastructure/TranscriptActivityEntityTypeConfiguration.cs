using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Core.Conversations.Infrastructure;

internal sealed class TranscriptActivityEntityTypeConfiguration(IPiiProtector pii) : IEntityTypeConfiguration<TranscriptActivity>
{
    public void Configure(EntityTypeBuilder<TranscriptActivity> builder)
    {
        builder.ToTable("conversation_activities");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Direction).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Delivery).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Type).HasMaxLength(32).IsRequired();
        builder.Property(a => a.FromRole).HasMaxLength(16).IsRequired();
        builder.Property(a => a.ClientActivityId).HasMaxLength(128);
        builder.Property(a => a.Turn).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.TurnLeaseOwner).HasMaxLength(64);
        builder.Property(a => a.ActivityJson).IsRequired().IsEncryptedPersonalData(pii, "conversation_activities.ActivityJson");
        builder.HasIndex(a => new { a.ConversationId, a.Sequence }).IsUnique();
        builder.HasIndex(a => new { a.ConversationId, a.ClientActivityId }).IsUnique();
        builder.HasIndex(a => new { a.Delivery, a.NextAttemptAtUtc });
        builder.HasIndex(a => new { a.Turn, a.TimestampUtc });
        builder.HasOne<Conversation>().WithMany().HasForeignKey(a => a.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}
