namespace ConversationHub.Faq.Ranking.MlNet;

/// <summary>
/// Boosting settings for ML.NET's FastTree LambdaRank trainer, stored in every model. The defaults are those the
/// hand-written trainer used when the two were compared side by side (issue 17), where FastTree matched it.
/// </summary>
internal sealed record MlNetRankerParameters
{
    /// <summary>The most trees per model; FastTree prunes back to the best round on its validation share.</summary>
    public int TreeCount { get; init; } = 500;

    public double LearningRate { get; init; } = 0.1;

    public int MaxLeaves { get; init; } = 15;

    public int MinLeafRows { get; init; } = 30;

    public double FeatureFraction { get; init; } = 0.8;

    public int Seed { get; init; } = 1;
}
