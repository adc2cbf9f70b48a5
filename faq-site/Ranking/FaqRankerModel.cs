using ConversationHub.Faq.Ranking.Features;
using ConversationHub.Faq.Ranking.MlNet;

namespace ConversationHub.Faq.Ranking;

/// <summary>
/// The FAQ re-ranker: a LambdaRank tree ensemble trained by ML.NET's FastTree (the average of several models, folded
/// into one <see cref="FlatTreeEnsemble"/>), with the feature list it was trained on, the trainer's settings and where
/// it came from. Scoring is thread-safe and allocation-free and needs no ML.NET objects; only the order of scores
/// within a query means anything. A query's candidates are scored by the trees, standardised within the query, plus
/// <see cref="MlNetRankerParameters.NeighbourVoteWeight"/> × the neighbours' vote, when the model reads that feature.
/// </summary>
internal sealed class FaqRankerModel
{
    private readonly string[] _featureNames;

    // The column of the neighbours' vote, or -1 when the model does not read it.
    private readonly int _voteColumn;

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
        _voteColumn = parameters.NeighbourVoteWeight == 0
            ? -1
            : Array.IndexOf(_featureNames, FaqFeatureNames.All[FaqFeatureNames.NearestQueriesGrade]);
    }

    public IReadOnlyList<string> FeatureNames => _featureNames;

    public int FeatureCount => _featureNames.Length;

    public FlatTreeEnsemble Trees { get; }

    public int TreeCount => Trees.TreeCount;

    public MlNetRankerParameters Parameters { get; }

    public FaqRankerTrainingMetadata Metadata { get; }

    /// <summary>Scores one candidate; <paramref name="features"/> is in <see cref="FeatureNames"/> order.</summary>
    public float Score(ReadOnlySpan<float> features) => (float)Trees.ScoreRow(features);

    /// <summary>
    /// Scores one query's candidates, stored row-major (candidate count × feature count), into <paramref name="scores"/>:
    /// the trees' scores, then the neighbours' vote added (see the class remarks).
    /// </summary>
    public void Score(ReadOnlySpan<float> rowMajorFeatures, Span<float> scores)
    {
        Trees.Score(rowMajorFeatures, scores);
        if (_voteColumn >= 0)
            AddNeighbourVote(rowMajorFeatures, scores);
    }

    /// <summary>
    /// Replaces each score by its distance from the query's mean score in standard deviations plus the weighted vote.
    /// Why standardised: tree scores have no fixed scale, so a fixed weight would mean something else per query and model.
    /// </summary>
    private void AddNeighbourVote(ReadOnlySpan<float> rowMajorFeatures, Span<float> scores)
    {
        var count = scores.Length;
        if (count == 0)
            return;
        var sum = 0d;
        foreach (var score in scores)
            sum += score;
        var mean = sum / count;
        var squares = 0d;
        foreach (var score in scores)
            squares += (score - mean) * (score - mean);
        var deviation = Math.Sqrt(squares / count);
        var weight = Parameters.NeighbourVoteWeight;
        var stride = _featureNames.Length;
        for (var i = 0; i < count; i++)
        {
            var z = deviation > 1e-9 ? (scores[i] - mean) / deviation : 0d;
            scores[i] = (float)(z + (weight * rowMajorFeatures[(i * stride) + _voteColumn]));
        }
    }

    /// <summary>Throws <see cref="RankingFeatureMismatchException"/> unless the model's features are exactly these, in this order.</summary>
    public void EnsureFeatures(IReadOnlyList<string> expectedFeatureNames)
    {
        ArgumentNullException.ThrowIfNull(expectedFeatureNames);
        if (!_featureNames.SequenceEqual(expectedFeatureNames, StringComparer.Ordinal))
            throw new RankingFeatureMismatchException(_featureNames, [.. expectedFeatureNames]);
    }
}
