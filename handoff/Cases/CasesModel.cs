using ConversationHub.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Cases;

/// <summary>The cases' tables in the handoff module's model. Personal data is encrypted column by column.</summary>
internal static class CasesModel
{
    // Encrypted columns carry no length limit: a ciphertext is about four times its text. Lengths are checked on input.
    public static void Configure(ModelBuilder modelBuilder, IPiiProtector pii)
    {
        modelBuilder.Entity<CaseRecord>(b =>
        {
            b.ToTable("handoff_cases");
            b.HasKey(c => c.Id);
            b.Property(c => c.Number).HasMaxLength(20).IsRequired();
            b.HasIndex(c => c.Number).IsUnique();
            b.HasIndex(c => new { c.Year, c.Sequence }).IsUnique();
            b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(c => c.Channel).HasConversion<string>().HasMaxLength(16);
            b.Property(c => c.SourceFaqId).HasMaxLength(64);
            b.Property(c => c.InquiryType).HasMaxLength(64);
            b.Property(c => c.Flags).HasMaxLength(1000).IsRequired();
            b.Property(c => c.Subject).IsEncryptedPersonalData(pii, "handoff_cases.Subject");
            b.Property(c => c.Description).IsEncryptedPersonalData(pii, "handoff_cases.Description");
            b.Property(c => c.ContactName).IsEncryptedPersonalData(pii, "handoff_cases.ContactName");
            b.Property(c => c.ContactKana).IsEncryptedPersonalData(pii, "handoff_cases.ContactKana");
            b.Property(c => c.ContactPhone).IsEncryptedPersonalData(pii, "handoff_cases.ContactPhone");
            b.Property(c => c.ContactEmail).IsEncryptedPersonalData(pii, "handoff_cases.ContactEmail");
            b.Property(c => c.PostalCode).IsEncryptedPersonalData(pii, "handoff_cases.PostalCode");
            b.Property(c => c.Address).IsEncryptedPersonalData(pii, "handoff_cases.Address");
            b.Property(c => c.CustomFieldsJson).IsEncryptedPersonalData(pii, "handoff_cases.CustomFieldsJson");
            b.Property(c => c.NameHash).HasMaxLength(80);
            b.Property(c => c.PhoneHash).HasMaxLength(80);
            b.Property(c => c.EmailHash).HasMaxLength(80);
            b.Property(c => c.AddressHash).HasMaxLength(80);
            b.HasIndex(c => c.NameHash);
            b.HasIndex(c => c.PhoneHash);
            b.HasIndex(c => c.EmailHash);
            b.HasIndex(c => c.AddressHash);
            b.Property(c => c.EscalationReasons).HasMaxLength(1000).IsRequired();
            b.Property(c => c.AssigneeTeam).HasMaxLength(100);
            b.Property(c => c.AwaitingSide).HasMaxLength(16);
            b.Property(c => c.Token).HasMaxLength(16).IsRequired();
            b.HasIndex(c => c.Token).IsUnique();
            b.HasIndex(c => c.ConversationId);
            b.HasIndex(c => new { c.ProgramId, c.CreatedAtUtc });
            b.HasIndex(c => new { c.Status, c.CreatedAtUtc });
            b.HasIndex(c => c.CreatedAtUtc);
            b.HasIndex(c => c.UpdatedAtUtc);
            b.HasIndex(c => new { c.DepartmentId, c.Status });
            b.Property(c => c.RedialNote).IsEncryptedPersonalData(pii, "handoff_cases.RedialNote");
            b.HasIndex(c => c.RedialDueUtc);
            b.Property(c => c.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<CaseEntry>(b =>
        {
            b.ToTable("handoff_case_entries");
            b.HasKey(e => e.Id);
            b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(e => e.Text).IsEncryptedPersonalData(pii, "handoff_case_entries.Text");
            b.Property(e => e.Subject).IsEncryptedPersonalData(pii, "handoff_case_entries.Subject");
            b.Property(e => e.Warning).HasMaxLength(200);
            b.Property(e => e.MessageId).HasMaxLength(998);
            b.HasIndex(e => new { e.CaseId, e.AtUtc });
            b.HasIndex(e => e.MailId);
        });
        modelBuilder.Entity<CaseHistoryEntry>(b =>
        {
            b.ToTable("handoff_case_history");
            b.HasKey(h => h.Id);
            b.Property(h => h.Action).HasMaxLength(32).IsRequired();
            b.Property(h => h.Field).HasMaxLength(64);
            b.Property(h => h.Before).IsEncryptedPersonalData(pii, "handoff_case_history.Before");
            b.Property(h => h.After).IsEncryptedPersonalData(pii, "handoff_case_history.After");
            b.HasIndex(h => new { h.CaseId, h.Id });
        });
        modelBuilder.Entity<CaseReply>(b =>
        {
            b.ToTable("handoff_case_replies");
            b.HasKey(r => r.Id);
            b.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
            b.Property(r => r.To).IsRequired().IsEncryptedPersonalData(pii, "handoff_case_replies.To");
            b.Property(r => r.Subject).IsRequired().IsEncryptedPersonalData(pii, "handoff_case_replies.Subject");
            b.Property(r => r.Body).IsRequired().IsEncryptedPersonalData(pii, "handoff_case_replies.Body");
            b.Property(r => r.RejectionReason).IsEncryptedPersonalData(pii, "handoff_case_replies.RejectionReason");
            b.HasIndex(r => new { r.CaseId, r.SubmittedAtUtc });
            b.HasIndex(r => new { r.State, r.DepartmentId });
        });
        modelBuilder.Entity<CaseCategory>(b =>
        {
            b.ToTable("handoff_case_categories");
            b.HasKey(c => c.Id);
            b.Property(c => c.Name).HasMaxLength(100).IsRequired();
        });
        modelBuilder.Entity<CaseOption>(b =>
        {
            b.ToTable("handoff_case_options");
            b.HasKey(o => new { o.Kind, o.Code });
            b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(o => o.Code).HasMaxLength(64);
            b.Property(o => o.Label).HasMaxLength(100).IsRequired();
        });
        modelBuilder.Entity<CaseFieldDefinition>(b =>
        {
            b.ToTable("handoff_case_fields");
            b.HasKey(f => f.Id);
            b.Property(f => f.Key).HasMaxLength(64).IsRequired();
            b.HasIndex(f => f.Key).IsUnique();
            b.Property(f => f.Label).HasMaxLength(100).IsRequired();
            b.Property(f => f.Type).HasConversion<string>().HasMaxLength(16);
            b.Property(f => f.Scope).HasConversion<string>().HasMaxLength(16);
            b.Property(f => f.Choices).HasMaxLength(4000).IsRequired();
            b.Ignore(f => f.ChoiceList);
        });
        modelBuilder.Entity<ReplyTemplate>(b =>
        {
            b.ToTable("handoff_reply_templates");
            b.HasKey(t => t.Id);
            b.Property(t => t.Name).HasMaxLength(100).IsRequired();
            b.Property(t => t.Subject).HasMaxLength(200).IsRequired();
            b.Property(t => t.Body).HasMaxLength(20_000).IsRequired();
        });
        modelBuilder.Entity<CaseSubmission>(b =>
        {
            b.ToTable("handoff_case_submissions");
            b.HasKey(s => s.Key);
            b.Property(s => s.Key).HasMaxLength(CaseSubmission.MaxKeyLength);
            b.HasIndex(s => s.CaseId);
        });
        modelBuilder.Entity<CaseCounter>(b =>
        {
            b.ToTable("handoff_case_counters");
            b.HasKey(c => c.Year);
            b.Property(c => c.Year).ValueGeneratedNever();
        });
    }
}
