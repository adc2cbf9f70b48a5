using ConversationHub.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Handoff.Mail;

/// <summary>The table of received mail, <c>mail_inbox</c>.</summary>
internal sealed class InboundMailEntityTypeConfiguration(IPiiProtector pii) : IEntityTypeConfiguration<InboundMail>
{
    public void Configure(EntityTypeBuilder<InboundMail> builder)
    {
        builder.ToTable("mail_inbox");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Source).HasMaxLength(16).IsRequired();
        builder.Property(m => m.SourceKey).HasMaxLength(300);
        builder.Property(m => m.Raw).IsRequired().IsEncryptedPersonalData(pii, "mail_inbox.Raw");
        builder.Property(m => m.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.LeaseHolder).HasMaxLength(64);
        builder.Property(m => m.LastError).HasMaxLength(500);
        builder.Property(m => m.ParseWarning).HasMaxLength(500);
        // One row per Maildir file, whichever node or restart stores it.
        builder.HasIndex(m => m.SourceKey).IsUnique();
        builder.HasIndex(m => new { m.State, m.NextAttemptAtUtc });
        builder.HasIndex(m => m.CaseId);
        builder.HasIndex(m => m.ReceivedAtUtc);
    }
}
