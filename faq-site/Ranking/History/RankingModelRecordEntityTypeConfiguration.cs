using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Faq.Ranking.History;

internal sealed class RankingModelRecordEntityTypeConfiguration : IEntityTypeConfiguration<RankingModelRecord>
{
    public void Configure(EntityTypeBuilder<RankingModelRecord> builder)
    {
        builder.ToTable("ranking_models");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.SnapshotHash).HasMaxLength(64);
        // Start-up reads the active one.
        builder.HasIndex(m => m.IsActive);
    }
}
