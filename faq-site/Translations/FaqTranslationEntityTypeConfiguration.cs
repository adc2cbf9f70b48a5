using ConversationHub.Faq.KnowledgeBase.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Faq.Translations;

internal sealed class FaqTranslationEntityTypeConfiguration : IEntityTypeConfiguration<FaqTranslation>
{
    public void Configure(EntityTypeBuilder<FaqTranslation> builder)
    {
        builder.ToTable("faq_translations");
        builder.HasKey(t => new { t.FaqId, t.Language });
        builder.Property(t => t.Language).HasMaxLength(8);
        builder.Property(t => t.Question).HasMaxLength(FaqTranslation.MaxQuestionLength).IsRequired();
        builder.Property(t => t.AnswerMarkdown).HasMaxLength(FaqTranslation.MaxAnswerLength).IsRequired();
        // A language's search reads all of its translations.
        builder.HasIndex(t => t.Language);
        builder.HasOne<FaqEntry>().WithMany().HasForeignKey(t => t.FaqId).OnDelete(DeleteBehavior.Cascade);
    }
}
