using ConversationHub.Faq.KnowledgeBase.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Faq.KnowledgeBase.Infrastructure.EntityConfigurations;

internal sealed class FaqRevisionEntityTypeConfiguration : IEntityTypeConfiguration<FaqRevision>
{
    public void Configure(EntityTypeBuilder<FaqRevision> builder)
    {
        builder.ToTable("faq_revisions");
        builder.HasKey(r => r.Id);
        // Snapshots hold the whole answer (up to 20,000 characters) plus paraphrases: no length limit.
        builder.Property(r => r.SnapshotJson).IsRequired();
        builder.Property(r => r.ChangeNote).HasMaxLength(500);
        builder.HasIndex(r => new { r.FaqId, r.Number }).IsUnique();
        builder.HasOne<FaqEntry>().WithMany().HasForeignKey(r => r.FaqId).OnDelete(DeleteBehavior.Cascade);
    }
}
