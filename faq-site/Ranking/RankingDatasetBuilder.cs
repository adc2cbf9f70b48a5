namespace ConversationHub.Faq.Ranking;

/// <summary>Collects query groups into a <see cref="RankingDataset"/>, checking shapes, labels and values as they come.</summary>
internal sealed class RankingDatasetBuilder
{
    /// <summary>The highest relevance label accepted; the platform grades are 0, 1 and 2.</summary>
    public const int MaxLabel = 4;

    private readonly string[] _featureNames;
    private readonly List<float> _features = [];
    private readonly List<int> _labels = [];
    private readonly List<string> _queryIds = [];
    private readonly List<int> _queryStarts = [0];
    private readonly HashSet<string> _seenQueryIds = new(StringComparer.Ordinal);

    public RankingDatasetBuilder(IReadOnlyList<string> featureNames)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        if (featureNames.Count == 0)
            throw new ArgumentException("A ranking dataset needs at least one feature.", nameof(featureNames));
        var unique = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in featureNames)
        {
            if (string.IsNullOrWhiteSpace(name))
                throw new ArgumentException("Feature names must not be empty.", nameof(featureNames));
            if (!unique.Add(name))
                throw new ArgumentException($"Feature name '{name}' appears twice.", nameof(featureNames));
        }

        _featureNames = [.. featureNames];
    }

    public int FeatureCount => _featureNames.Length;

    /// <summary>
    /// Adds one query: <paramref name="features"/> is row-major (candidate count × feature count) and
    /// <paramref name="labels"/> has one label per candidate. Query ids must be unique; values must not be NaN.
    /// </summary>
    public RankingDatasetBuilder AddQuery(string queryId, ReadOnlySpan<float> features, ReadOnlySpan<int> labels)
    {
        ArgumentException.ThrowIfNullOrEmpty(queryId);
        if (labels.IsEmpty)
            throw new ArgumentException($"Query '{queryId}' has no candidates.", nameof(labels));
        if (features.Length != labels.Length * FeatureCount)
        {
            throw new ArgumentException(
                $"Query '{queryId}' has {labels.Length} candidates and {FeatureCount} features, so it needs " +
                $"{labels.Length * FeatureCount} feature values, not {features.Length}.",
                nameof(features));
        }

        foreach (var label in labels)
        {
            if (label is < 0 or > MaxLabel)
                throw new ArgumentOutOfRangeException(nameof(labels), label, $"Labels run from 0 to {MaxLabel} (query '{queryId}').");
        }

        // NaN would take different branches in binning (training) and in threshold comparison (scoring).
        for (var i = 0; i < features.Length; i++)
        {
            if (float.IsNaN(features[i]))
            {
                throw new ArgumentException(
                    $"Query '{queryId}', candidate {i / FeatureCount}, feature '{_featureNames[i % FeatureCount]}' is NaN.",
                    nameof(features));
            }
        }

        if (!_seenQueryIds.Add(queryId))
            throw new ArgumentException($"Query '{queryId}' was added twice; a query's candidates must be added together.", nameof(queryId));

        _features.AddRange(features);
        _labels.AddRange(labels);
        _queryIds.Add(queryId);
        _queryStarts.Add(_labels.Count);
        return this;
    }

    public RankingDataset Build() =>
        new([.. _featureNames], [.. _features], [.. _labels], [.. _queryIds], [.. _queryStarts]);
}
