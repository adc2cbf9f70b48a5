using ConversationHub.Faq.KnowledgeBase.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Faq.ProgramFaqs;

internal sealed class FaqProgramHoldEntityTypeConfiguration : IEntityTypeConfiguration<FaqProgramHold>
{
    public void Configure(EntityTypeBuilder<FaqProgramHold> builder)
    {
        builder.ToTable("faq_program_holds");
        builder.HasKey(h => h.FaqId);
        builder.Property(h => h.Programs).HasMaxLength(FaqProgramHold.MaxProgramsLength).IsRequired();
        builder.HasOne<FaqEntry>().WithMany().HasForeignKey(h => h.FaqId).OnDelete(DeleteBehavior.Cascade);
    }
}
