using ConversationHub.Faq.KnowledgeBase.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Faq.KnowledgeBase.Infrastructure.EntityConfigurations;

internal sealed class FaqOwnerEntityTypeConfiguration : IEntityTypeConfiguration<FaqOwner>
{
    public void Configure(EntityTypeBuilder<FaqOwner> builder)
    {
        builder.ToTable("faq_owners");
        builder.HasKey(o => new { o.FaqId, o.DepartmentId });
        builder.HasIndex(o => o.DepartmentId);
    }
}
