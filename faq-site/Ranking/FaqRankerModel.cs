using ConversationHub.Faq.Ranking.MlNet;

namespace ConversationHub.Faq.Ranking;

/// <summary>
/// The FAQ re-ranker: a LambdaRank tree ensemble trained by ML.NET's FastTree (the average of several models, folded
/// into one <see cref="FlatTreeEnsemble"/>), with the feature list it was trained on, the trainer's settings and where
/// it came from. Scoring is thread-safe and allocation-free and needs no ML.NET objects; only the order of scores
/// within a query means anything.
/// </summary>
internal sealed class FaqRankerModel
{
    private readonly string[] _featureNames;

    public FaqRankerModel(
        IReadOnlyList<string> featureNames, MlNetRankerParameters parameters, FlatTreeEnsemble trees, FaqRankerTrainingMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(trees);
        ArgumentNullException.ThrowIfNull(metadata);
        if (trees.FeatureCount != featureNames.Count)
            throw new ArgumentException($"The trees read {trees.FeatureCount} features, but the model names {featureNames.Count}.", nameof(trees));
        _featureNames = [.. featureNames];
        Parameters = parameters;
        Trees = trees;
        Metadata = metadata;
    }

    public IReadOnlyList<string> FeatureNames => _featureNames;

    public int FeatureCount => _featureNames.Length;

    public FlatTreeEnsemble Trees { get; }

    public int TreeCount => Trees.TreeCount;

    public MlNetRankerParameters Parameters { get; }

    public FaqRankerTrainingMetadata Metadata { get; }

    /// <summary>Scores one candidate; <paramref name="features"/> is in <see cref="FeatureNames"/> order.</summary>
    public float Score(ReadOnlySpan<float> features) => (float)Trees.ScoreRow(features);

    /// <summary>Scores candidates stored row-major (candidate count × feature count) into <paramref name="scores"/>.</summary>
    public void Score(ReadOnlySpan<float> rowMajorFeatures, Span<float> scores) => Trees.Score(rowMajorFeatures, scores);

    /// <summary>Throws <see cref="RankingFeatureMismatchException"/> unless the model's features are exactly these, in this order.</summary>
    public void EnsureFeatures(IReadOnlyList<string> expectedFeatureNames)
    {
        ArgumentNullException.ThrowIfNull(expectedFeatureNames);
        if (!_featureNames.SequenceEqual(expectedFeatureNames, StringComparer.Ordinal))
            throw new RankingFeatureMismatchException(_featureNames, [.. expectedFeatureNames]);
    }
}
