using System.Runtime.InteropServices;
using Microsoft.ML.Trainers.FastTree;

namespace ConversationHub.Faq.Ranking.MlNet;

/// <summary>
/// The trees of a trained ML.NET ensemble copied into flat arrays for the query path: immutable after construction,
/// so any number of threads may score at once, and scoring allocates nothing. The score of a row is the ensemble's
/// bias plus the leaf each tree sends the row to (tree weights are folded into the leaf values), where a node sends
/// the row left when its feature value is at most the node's threshold — ML.NET's own rule. This is also what the
/// model file and the database store (<see cref="FlatTreeEnsembleDocument"/>), so serving never needs ML.NET.
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
    // PERF: the same nodes packed 16 bytes each, so a step of a walk is one cache-friendly load.
    private readonly Node[] _nodes;

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
        _nodes = new Node[feature.Length];
        for (var n = 0; n < _nodes.Length; n++)
            _nodes[n] = new Node(feature[n], threshold[n], left[n], right[n]);
    }

    public int FeatureCount { get; }

    public int TreeCount => _roots.Length;

    public int NodeCount => _feature.Length;

    public int LeafCount => _leafValues.Length;

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

        return Checked(featureCount, roots, [.. feature], [.. threshold], [.. left], [.. right], [.. leaves], ensemble.Bias);
    }

    /// <summary>
    /// The mean of <paramref name="members"/> as one ensemble: every member's trees, leaf values and bias divided by
    /// the member count. Scores equal the members' mean up to rounding, and scoring stays one walk over the trees.
    /// </summary>
    public static FlatTreeEnsemble Average(IReadOnlyList<FlatTreeEnsemble> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentOutOfRangeException.ThrowIfZero(members.Count);
        var featureCount = members[0].FeatureCount;
        if (members.Any(m => m.FeatureCount != featureCount))
            throw new ArgumentException("Every member must have the same feature count.", nameof(members));
        var weight = 1.0 / members.Count;
        var roots = new List<int>();
        var feature = new List<int>();
        var threshold = new List<float>();
        var left = new List<int>();
        var right = new List<int>();
        var leaves = new List<double>();
        double bias = 0;
        foreach (var member in members)
        {
            var nodeBase = feature.Count;
            var leafBase = leaves.Count;
            int Relocate(int child) => child >= 0 ? nodeBase + child : ~(leafBase + ~child);
            roots.AddRange(member._roots.Select(Relocate));
            feature.AddRange(member._feature);
            threshold.AddRange(member._threshold);
            left.AddRange(member._left.Select(Relocate));
            right.AddRange(member._right.Select(Relocate));
            leaves.AddRange(member._leafValues.Select(v => v * weight));
            bias += member._bias * weight;
        }

        return Checked(featureCount, [.. roots], [.. feature], [.. threshold], [.. left], [.. right], [.. leaves], bias);
    }

    /// <summary>Reads a stored ensemble, checking that every reference stays inside it and every tree is a tree.</summary>
    /// <exception cref="InvalidDataException">The arrays do not describe a valid ensemble over <paramref name="featureCount"/> features.</exception>
    public static FlatTreeEnsemble FromDocument(FlatTreeEnsembleDocument document, int featureCount)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Checked(
            featureCount, [.. document.Roots], [.. document.SplitFeatures], [.. document.Thresholds], [.. document.LeftChildren],
            [.. document.RightChildren], [.. document.LeafValues], document.Bias);
    }

    public FlatTreeEnsembleDocument ToDocument() => new()
    {
        Bias = _bias,
        Roots = _roots,
        SplitFeatures = _feature,
        Thresholds = _threshold,
        LeftChildren = _left,
        RightChildren = _right,
        LeafValues = _leafValues,
    };

    /// <summary>
    /// Scores candidates stored row-major (candidate count × feature count) into <paramref name="scores"/>; each score
    /// is bit-identical to <see cref="ScoreRow"/> of that candidate, rounded to float.
    /// </summary>
    public void Score(ReadOnlySpan<float> rowMajorFeatures, Span<float> scores)
    {
        var featureCount = FeatureCount;
        if (rowMajorFeatures.Length != scores.Length * featureCount)
            throw new ArgumentException($"Expected {scores.Length} × {featureCount} feature values, got {rowMajorFeatures.Length}.", nameof(rowMajorFeatures));

        // PERF: tree-major order keeps one small tree hot in L1 while every candidate walks it (an ensemble of a
        // thousand trees does not fit); each candidate still adds the trees in model order, so the sums equal ScoreRow's.
        Span<double> sums = scores.Length <= 512 ? stackalloc double[scores.Length] : new double[scores.Length];
        sums.Fill(_bias);
        var nodes = _nodes;
        foreach (var root in _roots)
        {
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

    /// <summary>The unrounded score of one candidate; <paramref name="features"/> is in the model's feature order.</summary>
    public double ScoreRow(ReadOnlySpan<float> features)
    {
        if (features.Length != FeatureCount)
            throw new ArgumentException($"Expected {FeatureCount} features, got {features.Length}.", nameof(features));
        var nodes = _nodes;
        var sum = _bias;
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

    private static FlatTreeEnsemble Checked(
        int featureCount, int[] roots, int[] feature, float[] threshold, int[] left, int[] right, double[] leafValues, double bias)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(featureCount);
        var nodes = feature.Length;
        if (threshold.Length != nodes || left.Length != nodes || right.Length != nodes)
            throw new InvalidDataException($"The tree arrays differ in length ({nodes} split features, {threshold.Length} thresholds, {left.Length} left and {right.Length} right children).");
        if (!double.IsFinite(bias) || leafValues.Any(v => !double.IsFinite(v)))
            throw new InvalidDataException("The ensemble holds a bias or leaf value that is not a finite number.");
        for (var n = 0; n < nodes; n++)
        {
            if ((uint)feature[n] >= (uint)featureCount)
                throw new InvalidDataException($"Node {n} splits on feature {feature[n]}, but the model has {featureCount} features.");
            if (float.IsNaN(threshold[n]))
                throw new InvalidDataException($"Node {n} has no threshold (NaN).");
        }

        // Every reference must point inside the arrays, and every node and leaf must be reached exactly once from
        // exactly one root: otherwise a walk could loop forever or two trees would share (and double-count) a leaf.
        var nodeSeen = new bool[nodes];
        var leafSeen = new bool[leafValues.Length];
        var pending = new Stack<int>();
        foreach (var root in roots)
        {
            pending.Push(root);
            while (pending.TryPop(out var reference))
            {
                if (reference < 0)
                {
                    var leaf = ~reference;
                    if (leaf >= leafValues.Length || leafSeen[leaf])
                        throw new InvalidDataException($"Leaf reference {leaf} is out of range or shared.");
                    leafSeen[leaf] = true;
                    continue;
                }

                if (reference >= nodes || nodeSeen[reference])
                    throw new InvalidDataException($"Node reference {reference} is out of range or shared.");
                nodeSeen[reference] = true;
                pending.Push(left[reference]);
                pending.Push(right[reference]);
            }
        }

        if (nodeSeen.Contains(false) || leafSeen.Contains(false))
            throw new InvalidDataException("The ensemble holds nodes or leaves that no tree reaches.");
        return new FlatTreeEnsemble(featureCount, roots, feature, threshold, left, right, leafValues, bias);
    }

    /// <summary>One internal node; a negative child is leaf <c>~child</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct Node(int Feature, float Threshold, int Left, int Right);
}
