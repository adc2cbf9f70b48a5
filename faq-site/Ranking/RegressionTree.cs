namespace ConversationHub.Faq.Ranking;

/// <summary>
/// A binary regression tree. Node i sends a row left when features[SplitFeatures[i]] ≤ Thresholds[i] (NaN goes
/// right). A child c ≥ 0 is an internal node, always with a larger index than its parent (so there are no
/// cycles); c &lt; 0 is leaf ~c. A tree with no nodes is a single leaf. Leaf values already include shrinkage.
/// </summary>
internal sealed class RegressionTree
{
    private readonly int[] _splitFeatures;
    private readonly float[] _thresholds;
    private readonly int[] _leftChildren;
    private readonly int[] _rightChildren;
    private readonly float[] _leafValues;

    public RegressionTree(int[] splitFeatures, float[] thresholds, int[] leftChildren, int[] rightChildren, float[] leafValues)
    {
        ArgumentNullException.ThrowIfNull(splitFeatures);
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(leftChildren);
        ArgumentNullException.ThrowIfNull(rightChildren);
        ArgumentNullException.ThrowIfNull(leafValues);
        var nodes = splitFeatures.Length;
        if (thresholds.Length != nodes || leftChildren.Length != nodes || rightChildren.Length != nodes)
            throw new InvalidDataException("A tree's split features, thresholds and children must have one entry per node.");
        if (leafValues.Length != nodes + 1)
            throw new InvalidDataException($"A tree with {nodes} internal nodes must have {nodes + 1} leaves, not {leafValues.Length}.");

        var nodeSeen = new bool[nodes];
        var leafSeen = new bool[leafValues.Length];
        for (var i = 0; i < nodes; i++)
        {
            if (splitFeatures[i] < 0)
                throw new InvalidDataException($"Node {i} splits on a negative feature index.");
            if (float.IsNaN(thresholds[i]))
                throw new InvalidDataException($"Node {i} has a NaN threshold.");
            Claim(i, leftChildren[i], nodeSeen, leafSeen);
            Claim(i, rightChildren[i], nodeSeen, leafSeen);
        }

        for (var i = 1; i < nodes; i++)
        {
            if (!nodeSeen[i])
                throw new InvalidDataException($"Node {i} is not reachable from the root.");
        }

        foreach (var value in leafValues)
        {
            if (!float.IsFinite(value))
                throw new InvalidDataException("Leaf values must be finite.");
        }

        _splitFeatures = splitFeatures;
        _thresholds = thresholds;
        _leftChildren = leftChildren;
        _rightChildren = rightChildren;
        _leafValues = leafValues;
    }

    public int NodeCount => _splitFeatures.Length;

    public int LeafCount => _leafValues.Length;

    public IReadOnlyList<int> SplitFeatures => _splitFeatures;

    public IReadOnlyList<float> Thresholds => _thresholds;

    public IReadOnlyList<int> LeftChildren => _leftChildren;

    public IReadOnlyList<int> RightChildren => _rightChildren;

    public IReadOnlyList<float> LeafValues => _leafValues;

    /// <summary>The largest feature index used by a split, or -1 for a single-leaf tree.</summary>
    public int MaxFeatureIndex => _splitFeatures.Length == 0 ? -1 : _splitFeatures.Max();

    public int GetLeaf(ReadOnlySpan<float> features)
    {
        if (_splitFeatures.Length == 0)
            return 0;
        var node = 0;
        while (node >= 0)
            node = features[_splitFeatures[node]] <= _thresholds[node] ? _leftChildren[node] : _rightChildren[node];
        return ~node;
    }

    public float Predict(ReadOnlySpan<float> features) => _leafValues[GetLeaf(features)];

    private static void Claim(int parent, int child, bool[] nodeSeen, bool[] leafSeen)
    {
        if (child >= 0)
        {
            if (child <= parent || child >= nodeSeen.Length)
                throw new InvalidDataException($"Node {parent} points to node {child}; children must come after their parent and exist.");
            if (nodeSeen[child])
                throw new InvalidDataException($"Node {child} has two parents.");
            nodeSeen[child] = true;
            return;
        }

        var leaf = ~child;
        if (leaf >= leafSeen.Length)
            throw new InvalidDataException($"Node {parent} points to leaf {leaf}, which does not exist.");
        if (leafSeen[leaf])
            throw new InvalidDataException($"Leaf {leaf} has two parents.");
        leafSeen[leaf] = true;
    }
}
