namespace ConversationHub.Faq.Ranking.MlNet;

/// <summary>
/// Boosting settings for the ML.NET trainers. The defaults mirror the hand-written trainer's
/// (<c>FaqRankerTraining.Parameters</c>), so the comparison measures the learners, not a new search over settings.
/// </summary>
internal sealed record MlNetRankerParameters
{
    public int TreeCount { get; init; } = 500;

    public double LearningRate { get; init; } = 0.1;

    public int MaxLeaves { get; init; } = 15;

    public int MinLeafRows { get; init; } = 30;

    public double FeatureFraction { get; init; } = 0.8;

    /// <summary>Rounds without a better validation nDCG before LightGBM stops (FastTree prunes back instead).</summary>
    public int EarlyStoppingRounds { get; init; } = 50;

    public int Seed { get; init; } = 1;
}
