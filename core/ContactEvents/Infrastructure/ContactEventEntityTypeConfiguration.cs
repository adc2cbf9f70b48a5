using ConversationHub.Core.ContactEvents.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Core.ContactEvents.Infrastructure;

internal sealed class ContactEventEntityTypeConfiguration : IEntityTypeConfiguration<ContactEvent>
{
    public const string Table = "contact_events";

    public void Configure(EntityTypeBuilder<ContactEvent> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.SourceKey).HasMaxLength(ContactEvent.MaxSourceKeyLength).IsRequired();
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.FaqId).HasMaxLength(ContactEvent.MaxCodeLength);
        builder.Property(e => e.Category).HasMaxLength(ContactEvent.MaxCodeLength);
        builder.Property(e => e.WrapUpCode).HasMaxLength(ContactEvent.MaxCodeLength);
        builder.HasIndex(e => e.SourceKey).IsUnique();
        // The roll-up reads the events it has not counted yet, in insertion order.
        builder.HasIndex(e => new { e.RolledUp, e.Id });
        builder.HasIndex(e => new { e.ConversationId, e.Kind });
        builder.HasIndex(e => e.OccurredAtUtc);
    }
}
