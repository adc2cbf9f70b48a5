using ConversationHub.Faq.Ranking;
using ConversationHub.Faq.Ranking.MlNet;

namespace ConversationHub.Faq.Tests.Ranking;

/// <summary>Models written by hand (no training), for tests of storage, loading and scoring.</summary>
internal static class HandMadeModels
{
    public static FaqRankerTrainingMetadata Metadata(int trees, DateTimeOffset trainedAt) => new()
    {
        Trainer = "hand-made",
        Members = 1,
        Trees = trees,
        TrainingDataHash = "00",
        TrainingQueries = 1,
        TrainingRows = 1,
        NdcgCutoff = 10,
        TrainingNdcg = 1,
        Seed = 1,
        TrainedAt = trainedAt,
    };

    public static FaqRankerModel Of(IReadOnlyList<string> featureNames, FlatTreeEnsembleDocument trees) =>
        new(featureNames, new MlNetRankerParameters(), FlatTreeEnsemble.FromDocument(trees, featureNames.Count), Metadata(trees.Roots.Count, DateTimeOffset.UnixEpoch));

    /// <summary>One split: <paramref name="left"/> when feature <paramref name="feature"/> ≤ <paramref name="threshold"/>, else <paramref name="right"/>.</summary>
    public static FaqRankerModel Stump(IReadOnlyList<string> featureNames, int feature, float threshold, double left, double right) =>
        Of(featureNames, new FlatTreeEnsembleDocument
        {
            Bias = 0,
            Roots = [0],
            SplitFeatures = [feature],
            Thresholds = [threshold],
            LeftChildren = [~0],
            RightChildren = [~1],
            LeafValues = [left, right],
        });

    /// <summary>No trees: every candidate scores 0.</summary>
    public static FaqRankerModel Empty(IReadOnlyList<string> featureNames) =>
        Of(featureNames, new FlatTreeEnsembleDocument
        {
            Bias = 0, Roots = [], SplitFeatures = [], Thresholds = [], LeftChildren = [], RightChildren = [], LeafValues = [],
        });
}
