using ConversationHub.Faq.KnowledgeBase.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Faq.KnowledgeBase.Infrastructure.EntityConfigurations;

internal sealed class FaqAttachmentEntityTypeConfiguration : IEntityTypeConfiguration<FaqAttachment>
{
    public void Configure(EntityTypeBuilder<FaqAttachment> builder)
    {
        builder.ToTable("faq_attachments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.FileName).HasMaxLength(255).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(a => a.StorageKey).HasMaxLength(200).IsRequired();
        builder.HasIndex(a => new { a.FaqId, a.SortOrder });
        builder.HasIndex(a => a.StorageKey).IsUnique();
    }
}
