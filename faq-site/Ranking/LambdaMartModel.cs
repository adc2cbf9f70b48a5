namespace ConversationHub.Faq.Ranking;

/// <summary>
/// A trained LambdaMART ensemble. The score of a candidate is the sum of its leaf values over all trees (in
/// double, then rounded to float); only the order of scores within a query means anything.
/// </summary>
internal sealed class LambdaMartModel
{
    private readonly string[] _featureNames;
    private readonly RegressionTree[] _trees;
    // PERF: the trees flattened into two arrays, so scoring walks contiguous memory with no per-tree objects.
    private readonly FlatTreeNode[] _nodes;
    private readonly float[] _leafValues;
    private readonly int[] _roots;

    public LambdaMartModel(
        IReadOnlyList<string> featureNames,
        LambdaMartParameters parameters,
        IReadOnlyList<RegressionTree> trees,
        LambdaMartTrainingMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(trees);
        ArgumentNullException.ThrowIfNull(metadata);
        _featureNames = [.. featureNames];
        _trees = [.. trees];
        Parameters = parameters;
        Metadata = metadata;

        var nodeCount = 0;
        var leafCount = 0;
        foreach (var tree in _trees)
        {
            if (tree.MaxFeatureIndex >= _featureNames.Length)
                throw new InvalidDataException($"A tree splits on feature {tree.MaxFeatureIndex}, but the model has {_featureNames.Length} features.");
            nodeCount += tree.NodeCount;
            leafCount += tree.LeafCount;
        }

        _nodes = new FlatTreeNode[nodeCount];
        _leafValues = new float[leafCount];
        _roots = new int[_trees.Length];
        int nodeBase = 0, leafBase = 0;
        for (var t = 0; t < _trees.Length; t++)
        {
            var tree = _trees[t];
            _roots[t] = tree.NodeCount == 0 ? ~leafBase : nodeBase;
            for (var n = 0; n < tree.NodeCount; n++)
            {
                _nodes[nodeBase + n] = new FlatTreeNode(
                    tree.SplitFeatures[n],
                    tree.Thresholds[n],
                    Relocate(tree.LeftChildren[n], nodeBase, leafBase),
                    Relocate(tree.RightChildren[n], nodeBase, leafBase));
            }

            for (var l = 0; l < tree.LeafCount; l++)
                _leafValues[leafBase + l] = tree.LeafValues[l];
            nodeBase += tree.NodeCount;
            leafBase += tree.LeafCount;
        }
    }

    public IReadOnlyList<string> FeatureNames => _featureNames;

    public int FeatureCount => _featureNames.Length;

    public IReadOnlyList<RegressionTree> Trees => _trees;

    public LambdaMartParameters Parameters { get; }

    public LambdaMartTrainingMetadata Metadata { get; }

    /// <summary>Scores one candidate; <paramref name="features"/> is in <see cref="FeatureNames"/> order.</summary>
    public float Score(ReadOnlySpan<float> features) => (float)ScoreExact(features);

    /// <summary>
    /// Scores candidates stored row-major (candidate count × feature count) into <paramref name="scores"/>;
    /// each score is bit-identical to <see cref="Score(ReadOnlySpan{float})"/> of that candidate.
    /// </summary>
    public void Score(ReadOnlySpan<float> rowMajorFeatures, Span<float> scores)
    {
        var featureCount = FeatureCount;
        if (rowMajorFeatures.Length != scores.Length * featureCount)
            throw new ArgumentException($"Expected {scores.Length} × {featureCount} feature values, got {rowMajorFeatures.Length}.", nameof(rowMajorFeatures));

        // PERF: tree-major order keeps one small tree hot in L1 while every candidate walks it; each candidate's
        // sum still adds the trees in model order, so the result matches the one-candidate path exactly.
        Span<double> sums = scores.Length <= 512 ? stackalloc double[scores.Length] : new double[scores.Length];
        sums.Clear();
        var nodes = _nodes;
        foreach (var root in _roots)
        {
            if (root < 0)
            {
                var value = _leafValues[~root];
                for (var i = 0; i < sums.Length; i++)
                    sums[i] += value;
                continue;
            }

            for (var i = 0; i < sums.Length; i++)
            {
                var features = rowMajorFeatures.Slice(i * featureCount, featureCount);
                var n = root;
                while (n >= 0)
                {
                    ref readonly var node = ref nodes[n];
                    n = features[node.Feature] <= node.Threshold ? node.Left : node.Right;
                }

                sums[i] += _leafValues[~n];
            }
        }

        for (var i = 0; i < scores.Length; i++)
            scores[i] = (float)sums[i];
    }

    /// <summary>Throws <see cref="RankingFeatureMismatchException"/> unless the model's features are exactly these, in this order.</summary>
    public void EnsureFeatures(IReadOnlyList<string> expectedFeatureNames)
    {
        ArgumentNullException.ThrowIfNull(expectedFeatureNames);
        var same = expectedFeatureNames.Count == _featureNames.Length;
        for (var i = 0; same && i < _featureNames.Length; i++)
            same = string.Equals(_featureNames[i], expectedFeatureNames[i], StringComparison.Ordinal);
        if (!same)
            throw new RankingFeatureMismatchException(_featureNames, [.. expectedFeatureNames]);
    }

    /// <summary>The unrounded sum of leaf values, accumulated tree by tree exactly as training accumulates it.</summary>
    internal double ScoreExact(ReadOnlySpan<float> features)
    {
        if (features.Length != _featureNames.Length)
            throw new ArgumentException($"Expected {_featureNames.Length} features, got {features.Length}.", nameof(features));
        var nodes = _nodes;
        double sum = 0;
        foreach (var root in _roots)
        {
            var n = root;
            while (n >= 0)
            {
                ref readonly var node = ref nodes[n];
                n = features[node.Feature] <= node.Threshold ? node.Left : node.Right;
            }

            sum += _leafValues[~n];
        }

        return sum;
    }

    private static int Relocate(int child, int nodeBase, int leafBase) =>
        child >= 0 ? nodeBase + child : ~(leafBase + ~child);
}
