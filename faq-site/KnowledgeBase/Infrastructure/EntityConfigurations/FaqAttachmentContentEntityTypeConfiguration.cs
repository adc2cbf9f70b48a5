using ConversationHub.Faq.KnowledgeBase.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Faq.KnowledgeBase.Infrastructure.EntityConfigurations;

internal sealed class FaqAttachmentContentEntityTypeConfiguration : IEntityTypeConfiguration<FaqAttachmentContent>
{
    public void Configure(EntityTypeBuilder<FaqAttachmentContent> builder)
    {
        builder.ToTable("faq_attachment_contents");
        builder.HasKey(c => c.AttachmentId);
        builder.Property(c => c.Bytes).IsRequired();
        builder.Property(c => c.Sha256).HasMaxLength(64).IsRequired();
        // Removing the attachment removes its bytes.
        builder.HasOne<FaqAttachment>().WithOne().HasForeignKey<FaqAttachmentContent>(c => c.AttachmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
