using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Core.Conversations.Infrastructure;

internal sealed class ConversationEntityTypeConfiguration(IPiiProtector pii) : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.ToTable("conversations");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Owner).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.CitizenKey).HasMaxLength(1024).IsRequired().IsEncryptedPersonalData(pii, "conversations.CitizenKey");
        builder.Property(c => c.CitizenKeyHash).HasMaxLength(80).IsRequired();
        builder.Property(c => c.Reason).HasMaxLength(64);
        builder.Property(c => c.Language).HasMaxLength(8).IsRequired().HasDefaultValue("ja");
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.Events);
        builder.Ignore(c => c.IsOpen);
        builder.HasIndex(c => new { c.Owner, c.AgentId });
        builder.HasIndex(c => new { c.CitizenKeyHash, c.Owner });
        builder.HasIndex(c => new { c.Owner, c.UpdatedAtUtc });
        builder.HasIndex(c => new { c.ProgramId, c.CreatedAtUtc });
    }
}
