using ConversationHub.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Core.Audit;

internal sealed class AuditEntryEntityTypeConfiguration(IPiiProtector pii) : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_log");
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.Action).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Target).HasMaxLength(200);
        builder.Property(e => e.ActorName).IsEncryptedPersonalData(pii, "audit_log.ActorName");
        builder.Property(e => e.Detail).IsEncryptedPersonalData(pii, "audit_log.Detail");
        builder.Property(e => e.FromAddress).IsEncryptedPersonalData(pii, "audit_log.FromAddress");
        builder.Property(e => e.PreviousHash).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Hash).HasMaxLength(64).IsRequired();
        builder.HasIndex(e => e.AtUtc);
        builder.HasIndex(e => new { e.Action, e.AtUtc });
        builder.HasIndex(e => new { e.ActorId, e.AtUtc });
    }
}
