using ConversationHub.Faq.KnowledgeBase.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Faq.KnowledgeBase.Infrastructure.EntityConfigurations;

internal sealed class FaqParaphraseEntityTypeConfiguration : IEntityTypeConfiguration<FaqParaphrase>
{
    public void Configure(EntityTypeBuilder<FaqParaphrase> builder)
    {
        builder.ToTable("faq_paraphrases");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Text).HasMaxLength(500).IsRequired();
        builder.HasIndex(p => p.FaqId);
    }
}
