using ConversationHub.Bot.Line.Inbox;
using ConversationHub.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Bot.Line.Infrastructure.EntityConfigurations;

internal sealed class LineInboxEventEntityTypeConfiguration(IPiiProtector pii) : IEntityTypeConfiguration<LineInboxEvent>
{
    public void Configure(EntityTypeBuilder<LineInboxEvent> builder)
    {
        builder.ToTable("line_webhook_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.WebhookEventId).HasMaxLength(64).IsRequired();
        builder.Property(e => e.EventType).HasMaxLength(32).IsRequired();
        builder.Property(e => e.UserId).HasMaxLength(512).IsEncryptedPersonalData(pii, "line_webhook_events.UserId");
        builder.Property(e => e.UserHash).HasMaxLength(80).IsRequired();
        builder.Property(e => e.EventJson).IsRequired().IsEncryptedPersonalData(pii, "line_webhook_events.EventJson");
        builder.Property(e => e.State).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(e => e.WebhookEventId).IsUnique();
        // The sweep reads pending events in arrival order; per citizen, the oldest pending one goes first.
        builder.HasIndex(e => new { e.State, e.UserHash, e.Id });
    }
}
