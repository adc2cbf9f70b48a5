using ConversationHub.Faq.KnowledgeBase.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Faq.KnowledgeBase.Infrastructure.EntityConfigurations;

internal sealed class FaqRelatedLinkEntityTypeConfiguration : IEntityTypeConfiguration<FaqRelatedLink>
{
    public void Configure(EntityTypeBuilder<FaqRelatedLink> builder)
    {
        builder.ToTable("faq_related_links");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Title).HasMaxLength(200).IsRequired();
        builder.Property(l => l.Url).HasMaxLength(2000).IsRequired();
        builder.HasIndex(l => new { l.FaqId, l.SortOrder });
    }
}
