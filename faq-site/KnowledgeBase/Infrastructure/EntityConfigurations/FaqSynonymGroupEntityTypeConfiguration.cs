using ConversationHub.Faq.KnowledgeBase.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Faq.KnowledgeBase.Infrastructure.EntityConfigurations;

internal sealed class FaqSynonymGroupEntityTypeConfiguration : IEntityTypeConfiguration<FaqSynonymGroup>
{
    public void Configure(EntityTypeBuilder<FaqSynonymGroup> builder)
    {
        builder.ToTable("faq_synonym_groups");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Terms).HasMaxLength(2000).IsRequired();
        builder.Ignore(g => g.Members);
    }
}
