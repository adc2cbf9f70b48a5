using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Faq.Ranking.History;

internal sealed class RankingModelActivationEntityTypeConfiguration : IEntityTypeConfiguration<RankingModelActivation>
{
    public void Configure(EntityTypeBuilder<RankingModelActivation> builder)
    {
        builder.ToTable("ranking_model_activations");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Action).HasConversion(a => RankingModelActivationActions.ToStored(a), a => RankingModelActivationActions.Parse(a)).HasMaxLength(16);
        builder.Property(a => a.Via).HasMaxLength(RankingModelActivation.MaxViaLength);
        // The console shows each model's latest activation.
        builder.HasIndex(a => a.ModelId);
    }
}
