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
        // Start-up reads the active one, and at most one is active: the filter is plain SQL both engines read alike,
        // so two nodes activating at once cannot leave two active models (the second commit fails).
        builder.HasIndex(m => m.IsActive).IsUnique().HasFilter("\"IsActive\"");
    }
}
