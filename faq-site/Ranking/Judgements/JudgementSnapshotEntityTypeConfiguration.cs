using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Faq.Ranking.Judgements;

internal sealed class JudgementSnapshotEntityTypeConfiguration : IEntityTypeConfiguration<JudgementSnapshot>
{
    public void Configure(EntityTypeBuilder<JudgementSnapshot> builder)
    {
        builder.ToTable("ranking_judgement_snapshots");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.ContentHash).HasMaxLength(64);
    }
}
