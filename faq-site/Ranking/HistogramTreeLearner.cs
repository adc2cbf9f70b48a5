namespace ConversationHub.Faq.Ranking;

/// <summary>
/// Grows one regression tree from per-row gradients and hessians: leaf-wise (best gain first) up to MaxLeaves
/// and MaxDepth, with split gains and leaf values from the second-order (Newton) objective. Any objective works:
/// LambdaRank gives ranking trees, squared error (g = prediction - target, h = 1) gives plain regression trees.
/// Deterministic: work is parallel over features only, each feature's sums are taken in row order, and ties
/// go to the lower feature index and the lower bin.
/// </summary>
internal sealed class HistogramTreeLearner
{
    // PERF: below this many row × feature visits, Parallel.For costs more than it saves.
    private const int ParallelWorkThreshold = 16_384;

    private readonly FeatureBins _bins;
    private readonly TreeLearnerOptions _options;
    private readonly int[] _featureOffsets;
    private readonly int _totalBins;
    private readonly int[] _rows;
    private readonly int[] _scratch;
    private readonly double[] _orderedGradients;
    private readonly double[] _orderedHessians;
    private readonly Stack<BinHistogram> _pool = new();

    public HistogramTreeLearner(FeatureBins bins, TreeLearnerOptions options)
    {
        ArgumentNullException.ThrowIfNull(bins);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _bins = bins;
        _options = options;
        _featureOffsets = new int[bins.FeatureCount + 1];
        for (var f = 0; f < bins.FeatureCount; f++)
            _featureOffsets[f + 1] = _featureOffsets[f] + bins.BinCount(f);
        _totalBins = _featureOffsets[^1];
        _rows = new int[bins.RowCount];
        _scratch = new int[bins.RowCount];
        _orderedGradients = new double[bins.RowCount];
        _orderedHessians = new double[bins.RowCount];
    }

    /// <summary>
    /// Fits a tree to rows <paramref name="rows"/>[0 .. <paramref name="rowCount"/>) using only
    /// <paramref name="features"/> (ascending indices). Leaf values are multiplied by <paramref name="shrinkage"/>.
    /// </summary>
    public RegressionTree Fit(double[] gradients, double[] hessians, int[] rows, int rowCount, int[] features, double shrinkage)
    {
        ArgumentNullException.ThrowIfNull(gradients);
        ArgumentNullException.ThrowIfNull(hessians);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rowCount, _rows.Length);
        Array.Copy(rows, _rows, rowCount);

        var root = new GrowingLeaf { Start = 0, Count = rowCount, Depth = 0, ParentNode = -1, IsLeftChild = false };
        SetSums(root, gradients, hessians);
        root.Histogram = Rent();
        BuildHistogram(root, features, gradients, hessians);
        FindBestSplit(root, features);

        var leaves = new List<GrowingLeaf> { root };
        var splitFeatures = new List<int>();
        var thresholds = new List<float>();
        var left = new List<int>();
        var right = new List<int>();
        while (leaves.Count < _options.MaxLeaves)
        {
            var best = -1;
            for (var i = 0; i < leaves.Count; i++)
            {
                if (leaves[i].Split.IsValid && (best < 0 || leaves[i].Split.Gain > leaves[best].Split.Gain))
                    best = i;
            }

            if (best < 0)
                break;

            var leaf = leaves[best];
            var node = splitFeatures.Count;
            splitFeatures.Add(leaf.Split.Feature);
            thresholds.Add(_bins.Threshold(leaf.Split.Feature, leaf.Split.Bin));
            left.Add(0);
            right.Add(0);
            if (leaf.ParentNode >= 0)
                (leaf.IsLeftChild ? left : right)[leaf.ParentNode] = node;

            var (leftLeaf, rightLeaf) = SplitLeaf(leaf, node, features, gradients, hessians);
            leaves[best] = leftLeaf;
            leaves.Add(rightLeaf);
        }

        var leafValues = new float[leaves.Count];
        for (var i = 0; i < leaves.Count; i++)
        {
            var leaf = leaves[i];
            var denominator = leaf.SumHessians + _options.L2Regularization;
            leafValues[i] = denominator > 0 ? (float)(shrinkage * -leaf.SumGradients / denominator) : 0f;
            if (leaf.ParentNode >= 0)
                (leaf.IsLeftChild ? left : right)[leaf.ParentNode] = ~i;
            if (leaf.Histogram is not null)
                _pool.Push(leaf.Histogram);
        }

        return new RegressionTree([.. splitFeatures], [.. thresholds], [.. left], [.. right], leafValues);
    }

    private (GrowingLeaf Left, GrowingLeaf Right) SplitLeaf(
        GrowingLeaf leaf, int node, int[] features, double[] gradients, double[] hessians)
    {
        // Stable partition: left rows keep their order at the front, right rows follow in order.
        var column = _bins.Column(leaf.Split.Feature);
        var bin = leaf.Split.Bin;
        int leftCount = 0, rightCount = 0;
        for (var i = leaf.Start; i < leaf.Start + leaf.Count; i++)
        {
            var row = _rows[i];
            if (column[row] <= bin)
                _rows[leaf.Start + leftCount++] = row;
            else
                _scratch[rightCount++] = row;
        }

        Array.Copy(_scratch, 0, _rows, leaf.Start + leftCount, rightCount);
        var leftLeaf = new GrowingLeaf
        {
            Start = leaf.Start, Count = leftCount, Depth = leaf.Depth + 1, ParentNode = node, IsLeftChild = true,
        };
        var rightLeaf = new GrowingLeaf
        {
            Start = leaf.Start + leftCount, Count = rightCount, Depth = leaf.Depth + 1, ParentNode = node, IsLeftChild = false,
        };
        SetSums(leftLeaf, gradients, hessians);
        SetSums(rightLeaf, gradients, hessians);

        var (small, large) = leftCount <= rightCount ? (leftLeaf, rightLeaf) : (rightLeaf, leftLeaf);
        var parentHistogram = leaf.Histogram!;
        leaf.Histogram = null;
        if (CanSplit(small) || CanSplit(large))
        {
            small.Histogram = Rent();
            BuildHistogram(small, features, gradients, hessians);
            // The larger child's histogram overwrites the parent's, which is no longer needed.
            foreach (var f in features)
                parentHistogram.SetDifference(parentHistogram, small.Histogram, _featureOffsets[f], _bins.BinCount(f));
            large.Histogram = parentHistogram;
            FindBestSplit(small, features);
            FindBestSplit(large, features);
        }
        else
            _pool.Push(parentHistogram);

        return (leftLeaf, rightLeaf);
    }

    private bool CanSplit(GrowingLeaf leaf) =>
        leaf.Depth < _options.MaxDepth && leaf.Count >= 2 * _options.MinLeafRows;

    private void SetSums(GrowingLeaf leaf, double[] gradients, double[] hessians)
    {
        double g = 0, h = 0;
        for (var i = leaf.Start; i < leaf.Start + leaf.Count; i++)
        {
            var row = _rows[i];
            g += gradients[row];
            h += hessians[row];
        }

        leaf.SumGradients = g;
        leaf.SumHessians = h;
    }

    private void BuildHistogram(GrowingLeaf leaf, int[] features, double[] gradients, double[] hessians)
    {
        // PERF: gather once so each feature pass reads gradients sequentially.
        var start = leaf.Start;
        var count = leaf.Count;
        for (var i = 0; i < count; i++)
        {
            var row = _rows[start + i];
            _orderedGradients[i] = gradients[row];
            _orderedHessians[i] = hessians[row];
        }

        var histogram = leaf.Histogram!;
        if ((long)count * features.Length >= ParallelWorkThreshold)
            Parallel.For(0, features.Length, k => BuildFeature(histogram, features[k], start, count));
        else
        {
            foreach (var f in features)
                BuildFeature(histogram, f, start, count);
        }
    }

    private void BuildFeature(BinHistogram histogram, int feature, int start, int count)
    {
        var offset = _featureOffsets[feature];
        histogram.Clear(offset, _bins.BinCount(feature));
        var column = _bins.Column(feature);
        var g = histogram.Gradients;
        var h = histogram.Hessians;
        var c = histogram.Counts;
        var rows = _rows;
        for (var i = 0; i < count; i++)
        {
            var bin = offset + column[rows[start + i]];
            g[bin] += _orderedGradients[i];
            h[bin] += _orderedHessians[i];
            c[bin]++;
        }
    }

    private void FindBestSplit(GrowingLeaf leaf, int[] features)
    {
        leaf.Split = SplitCandidate.None;
        if (!CanSplit(leaf))
            return;
        var candidates = new SplitCandidate[features.Length];
        if ((long)leaf.Count * features.Length >= ParallelWorkThreshold)
            Parallel.For(0, features.Length, k => candidates[k] = BestSplitForFeature(leaf, features[k]));
        else
        {
            for (var k = 0; k < features.Length; k++)
                candidates[k] = BestSplitForFeature(leaf, features[k]);
        }

        var best = SplitCandidate.None;
        foreach (var candidate in candidates)
        {
            if (candidate.IsValid && candidate.Gain > best.Gain)
                best = candidate;
        }

        leaf.Split = best;
    }

    private SplitCandidate BestSplitForFeature(GrowingLeaf leaf, int feature)
    {
        var histogram = leaf.Histogram!;
        var offset = _featureOffsets[feature];
        var bins = _bins.BinCount(feature);
        var l2 = _options.L2Regularization;
        var minRows = _options.MinLeafRows;
        var minHessian = _options.MinLeafHessian;
        var totalG = leaf.SumGradients;
        var totalH = leaf.SumHessians;
        var parentScore = totalG * totalG / (totalH + l2);
        var best = SplitCandidate.None;
        double leftG = 0, leftH = 0;
        var leftCount = 0;
        for (var b = 0; b < bins - 1; b++)
        {
            leftG += histogram.Gradients[offset + b];
            leftH += histogram.Hessians[offset + b];
            leftCount += histogram.Counts[offset + b];
            if (leftCount < minRows)
                continue;
            if (leaf.Count - leftCount < minRows)
                break;
            var rightH = totalH - leftH;
            if (leftH < minHessian || rightH < minHessian)
                continue;
            var rightG = totalG - leftG;
            var gain = (leftG * leftG / (leftH + l2)) + (rightG * rightG / (rightH + l2)) - parentScore;
            if (gain > _options.MinSplitGain && gain > best.Gain)
                best = new SplitCandidate(gain, feature, b);
        }

        return best;
    }

    private BinHistogram Rent() => _pool.Count > 0 ? _pool.Pop() : new BinHistogram(_totalBins);
}
