using ConversationHub.Faq.KnowledgeBase.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Faq.KnowledgeBase.Infrastructure.EntityConfigurations;

internal sealed class FaqViewCountEntityTypeConfiguration : IEntityTypeConfiguration<FaqViewCount>
{
    public void Configure(EntityTypeBuilder<FaqViewCount> builder)
    {
        builder.ToTable("faq_view_counts");
        // The key is what makes the insert-if-missing race detectable (a unique violation), see FaqViewCounter.
        builder.HasKey(v => new { v.FaqId, v.Day });
        builder.HasIndex(v => v.Day);
        builder.HasOne<FaqEntry>().WithMany().HasForeignKey(v => v.FaqId).OnDelete(DeleteBehavior.Cascade);
    }
}
