using ConversationHub.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Faq.Ranking.Judgements;

internal sealed class RankingJudgementEntityTypeConfiguration(IPiiProtector protector) : IEntityTypeConfiguration<RankingJudgement>
{
    public void Configure(EntityTypeBuilder<RankingJudgement> builder)
    {
        builder.ToTable("ranking_judgements");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Source).HasConversion(s => JudgementSourceNames.ToStored(s), s => JudgementSourceNames.Parse(s)).HasMaxLength(32);
        // A masked query of 200 characters grows to about 1,000 once encrypted.
        builder.Property(j => j.Query).HasMaxLength(2000).IsEncryptedPersonalData(protector, "ranking_judgements.Query");
        builder.HasIndex(j => j.FaqId);
        // At most one decision per candidate: two editors deciding the same candidate at once cannot both win.
        builder.HasIndex(j => j.ReviewOfId).IsUnique();
    }
}
