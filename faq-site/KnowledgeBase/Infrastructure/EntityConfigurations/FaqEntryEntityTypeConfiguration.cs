using ConversationHub.Faq.KnowledgeBase.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Faq.KnowledgeBase.Infrastructure.EntityConfigurations;

internal sealed class FaqEntryEntityTypeConfiguration : IEntityTypeConfiguration<FaqEntry>
{
    public void Configure(EntityTypeBuilder<FaqEntry> builder)
    {
        builder.ToTable("faqs");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.ExternalKey).HasMaxLength(64);
        builder.Property(f => f.Question).HasMaxLength(500).IsRequired();
        builder.Property(f => f.AnswerMarkdown).HasMaxLength(20000).IsRequired();
        builder.Property(f => f.Visibility).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(f => f.ExternalKey).IsUnique();
        builder.HasIndex(f => new { f.Status, f.Visibility });
        builder.HasMany(f => f.Paraphrases).WithOne().HasForeignKey(p => p.FaqId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(f => f.RelatedLinks).WithOne().HasForeignKey(l => l.FaqId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(f => f.Attachments).WithOne().HasForeignKey(a => a.FaqId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(f => f.Owners).WithOne().HasForeignKey(o => o.FaqId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(f => f.Categories).WithMany().UsingEntity(
            "faq_category_links",
            r => r.HasOne(typeof(FaqCategory)).WithMany().HasForeignKey("CategoryId").OnDelete(DeleteBehavior.Cascade),
            l => l.HasOne(typeof(FaqEntry)).WithMany().HasForeignKey("FaqId").OnDelete(DeleteBehavior.Cascade),
            j => j.HasKey("FaqId", "CategoryId"));
    }
}
