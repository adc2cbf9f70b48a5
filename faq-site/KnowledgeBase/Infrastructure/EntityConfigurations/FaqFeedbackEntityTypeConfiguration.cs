using ConversationHub.Core.Security;
using ConversationHub.Faq.KnowledgeBase.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Faq.KnowledgeBase.Infrastructure.EntityConfigurations;

internal sealed class FaqFeedbackEntityTypeConfiguration(IPiiProtector protector) : IEntityTypeConfiguration<FaqFeedback>
{
    public void Configure(EntityTypeBuilder<FaqFeedback> builder)
    {
        builder.ToTable("faq_feedback");
        builder.HasKey(f => f.Id);
        // Citizens' free text may name people or addresses; 1,000 characters grow to about 4,000 once encrypted.
        builder.Property(f => f.Comment).HasMaxLength(8000).IsEncryptedPersonalData(protector, "faq_feedback.Comment");
        builder.Property(f => f.Channel)
            .HasConversion(c => c.ToString().ToLowerInvariant(), s => Enum.Parse<FaqFeedbackChannel>(s, true))
            .HasMaxLength(16);
        builder.HasIndex(f => new { f.FaqId, f.CreatedAtUtc });
        builder.HasOne<FaqEntry>().WithMany().HasForeignKey(f => f.FaqId).OnDelete(DeleteBehavior.Cascade);
    }
}
