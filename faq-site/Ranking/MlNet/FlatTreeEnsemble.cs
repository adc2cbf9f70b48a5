using Microsoft.ML.Trainers.FastTree;

namespace ConversationHub.Faq.Ranking.MlNet;

/// <summary>
/// The trees of a trained ML.NET ensemble (LightGBM or FastTree) copied into flat arrays for the query path:
/// immutable after construction, so any number of threads may score at once, and scoring allocates nothing.
/// The score of a row is the ensemble's bias plus each tree's weight times the leaf the row reaches, where a
/// node sends the row left when its feature value is at most the node's threshold — ML.NET's own rule.
/// </summary>
internal sealed class FlatTreeEnsemble
{
    private readonly int[] _roots;
    private readonly int[] _feature;
    private readonly float[] _threshold;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly double[] _leafValues;
    private readonly double _bias;

    private FlatTreeEnsemble(int featureCount, int[] roots, int[] feature, float[] threshold, int[] left, int[] right, double[] leafValues, double bias)
    {
        FeatureCount = featureCount;
        _roots = roots;
        _feature = feature;
        _threshold = threshold;
        _left = left;
        _right = right;
        _leafValues = leafValues;
        _bias = bias;
    }

    public int FeatureCount { get; }

    public int TreeCount => _roots.Length;

    /// <summary>Copies <paramref name="ensemble"/>; throws when a tree uses a categorical split (our features are all numeric).</summary>
    public static FlatTreeEnsemble From(RegressionTreeEnsemble ensemble, int featureCount)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        var roots = new int[ensemble.Trees.Count];
        var feature = new List<int>();
        var threshold = new List<float>();
        var left = new List<int>();
        var right = new List<int>();
        var leaves = new List<double>();
        for (var t = 0; t < roots.Length; t++)
        {
            var tree = ensemble.Trees[t];
            var weight = ensemble.TreeWeights[t];
            var nodeBase = feature.Count;
            var leafBase = leaves.Count;
            for (var leaf = 0; leaf < tree.NumberOfLeaves; leaf++)
                leaves.Add(weight * tree.LeafValues[leaf]);
            if (tree.NumberOfNodes == 0)
            {
                // A single-leaf tree: its root is its only leaf.
                roots[t] = ~leafBase;
                continue;
            }

            // Child references: a non-negative value is a node of this tree, a negative one (~leaf) a leaf of it.
            int Child(int child) => child >= 0 ? nodeBase + child : ~(leafBase + ~child);
            for (var node = 0; node < tree.NumberOfNodes; node++)
            {
                if (tree.CategoricalSplitFlags[node])
                    throw new NotSupportedException($"Tree {t} splits node {node} on a categorical feature; the ranker's features are numeric.");
                feature.Add(tree.NumericalSplitFeatureIndexes[node]);
                threshold.Add(tree.NumericalSplitThresholds[node]);
                left.Add(Child(tree.LeftChild[node]));
                right.Add(Child(tree.RightChild[node]));
            }

            roots[t] = nodeBase;
        }

        return new FlatTreeEnsemble(featureCount, roots, [.. feature], [.. threshold], [.. left], [.. right], [.. leaves], ensemble.Bias);
    }

    /// <summary>Scores candidates stored row-major (candidate count × feature count) into <paramref name="scores"/>.</summary>
    public void Score(ReadOnlySpan<float> rowMajorFeatures, Span<float> scores)
    {
        if (rowMajorFeatures.Length != scores.Length * FeatureCount)
            throw new ArgumentException($"Expected {scores.Length} × {FeatureCount} feature values, got {rowMajorFeatures.Length}.", nameof(rowMajorFeatures));
        for (var i = 0; i < scores.Length; i++)
            scores[i] = (float)ScoreRow(rowMajorFeatures.Slice(i * FeatureCount, FeatureCount));
    }

    public double ScoreRow(ReadOnlySpan<float> features)
    {
        var sum = _bias;
        foreach (var root in _roots)
        {
            var n = root;
            while (n >= 0)
                n = features[_feature[n]] <= _threshold[n] ? _left[n] : _right[n];
            sum += _leafValues[~n];
        }

        return sum;
    }
}
