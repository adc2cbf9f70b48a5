using ConversationHub.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Faq.KnowledgeBase.Proposals;

internal sealed class FaqProposalEntityTypeConfiguration(IPiiProtector protector) : IEntityTypeConfiguration<FaqProposal>
{
    public void Configure(EntityTypeBuilder<FaqProposal> builder)
    {
        builder.ToTable("faq_proposals");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.ProposedQuestion).HasMaxLength(500).IsRequired();
        builder.Property(p => p.ProposedAnswer).HasMaxLength(20000);
        // A citizen's free text may name people or addresses; no max length, since ciphertext outgrows the plain text.
        builder.Property(p => p.CitizenQuestion).IsEncryptedPersonalData(protector, "faq_proposals.CitizenQuestion");
        builder.Property(p => p.Source).HasConversion(s => s.ToString().ToLowerInvariant(), s => Enum.Parse<FaqProposalSource>(s, true)).HasMaxLength(16);
        // A concurrency token: two editors deciding the same proposal at once cannot both succeed (the second UPDATE
        // matches no row, and its draft is rolled back with it).
        builder.Property(p => p.Status).HasConversion(s => s.ToString().ToLowerInvariant(), s => Enum.Parse<FaqProposalStatus>(s, true)).HasMaxLength(16).IsConcurrencyToken();
        builder.Property(p => p.RejectReason).HasMaxLength(1000);
        builder.HasIndex(p => new { p.Status, p.CreatedAtUtc });
        builder.HasIndex(p => p.CreatedAtUtc);
    }
}
