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

    /// <summary>
    /// The validation metric pruning picks the best round by: NDCG@1 (FastTree's default) or NDCG@3, the only two
    /// FastTree offers. NDCG@3 is steadier on a few dozen validation queries.
    /// </summary>
    public int EarlyStoppingNdcgAt { get; init; } = 3;

    public int Seed { get; init; } = 1;

    /// <summary>
    /// How much of the neighbours' vote (<see cref="Features.FaqFeatureNames.NearestQueriesGrade"/>) is added to the
    /// trees' score, standardised within the query, when a model ranks a query's candidates
    /// (<see cref="FaqRankerModel.Score(ReadOnlySpan{float}, Span{float})"/>). 0 ranks by the trees alone.
    /// </summary>
    public double NeighbourVoteWeight { get; init; }
}
