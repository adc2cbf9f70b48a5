using ConversationHub.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Handoff.Mail;

/// <summary>The outbox table, <c>mail_outbox</c>.</summary>
internal sealed class OutboundMailEntityTypeConfiguration(IPiiProtector pii) : IEntityTypeConfiguration<OutboundMail>
{
    public void Configure(EntityTypeBuilder<OutboundMail> builder)
    {
        builder.ToTable("mail_outbox");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.MessageId).HasMaxLength(500).IsRequired();
        // Encrypted columns carry no length: the ciphertext is longer than the text.
        builder.Property(m => m.To).IsRequired().IsEncryptedPersonalData(pii, "mail_outbox.To");
        builder.Property(m => m.Subject).IsRequired().IsEncryptedPersonalData(pii, "mail_outbox.Subject");
        builder.Property(m => m.BodyText).IsRequired().IsEncryptedPersonalData(pii, "mail_outbox.BodyText");
        builder.Property(m => m.ReplyTo).HasMaxLength(320);
        builder.Property(m => m.InReplyTo).HasMaxLength(500);
        builder.Property(m => m.References).HasMaxLength(8000).IsRequired();
        builder.Property(m => m.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.LeaseHolder).HasMaxLength(64);
        builder.Property(m => m.LastError).HasMaxLength(500);
        builder.Ignore(m => m.ReferenceList);
        builder.HasIndex(m => m.MessageId).IsUnique();
        builder.HasIndex(m => new { m.State, m.NextAttemptAtUtc });
        builder.HasIndex(m => new { m.CaseId, m.CreatedAtUtc });
    }
}
