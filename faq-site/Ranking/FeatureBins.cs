namespace ConversationHub.Faq.Ranking;

/// <summary>
/// The training features pre-binned once into at most 256 quantile bins per feature, stored column-major as
/// bytes. Bin b holds values v with Threshold(b - 1) &lt; v ≤ Threshold(b), so a split "bin ≤ b" on training
/// data is exactly the split "value ≤ Threshold(b)" that scoring applies to raw features.
/// </summary>
internal sealed class FeatureBins
{
    public const int MaxSupportedBins = 256;

    private readonly byte[][] _columns;
    private readonly float[][] _thresholds;

    private FeatureBins(int rowCount, byte[][] columns, float[][] thresholds)
    {
        RowCount = rowCount;
        _columns = columns;
        _thresholds = thresholds;
    }

    public int RowCount { get; }

    public int FeatureCount => _columns.Length;

    /// <summary>The bin of every row for one feature. PERF: a byte column keeps histogram building cache-friendly.</summary>
    public byte[] Column(int feature) => _columns[feature];

    public int BinCount(int feature) => _thresholds[feature].Length + 1;

    /// <summary>The raw-value threshold that separates bin <paramref name="bin"/> from the next one.</summary>
    public float Threshold(int feature, int bin) => _thresholds[feature][bin];

    public static FeatureBins Build(RankingDataset dataset, int maxBins)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBins, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxBins, MaxSupportedBins);
        var columns = new byte[dataset.FeatureCount][];
        var thresholds = new float[dataset.FeatureCount][];
        // Deterministic: each feature is binned independently of the others.
        Parallel.For(0, dataset.FeatureCount, feature =>
        {
            var values = new float[dataset.RowCount];
            for (var row = 0; row < values.Length; row++)
                values[row] = dataset.Feature(row, feature);
            var cuts = ChooseThresholds(values, maxBins);
            var column = new byte[values.Length];
            for (var row = 0; row < values.Length; row++)
                column[row] = (byte)BinOf(cuts, dataset.Feature(row, feature));
            columns[feature] = column;
            thresholds[feature] = cuts;
        });
        return new FeatureBins(dataset.RowCount, columns, thresholds);
    }

    private static int BinOf(float[] thresholds, float value)
    {
        // The first bin whose threshold is ≥ value.
        int lo = 0, hi = thresholds.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (value <= thresholds[mid])
                hi = mid;
            else
                lo = mid + 1;
        }

        return lo;
    }

    /// <summary>Greedy quantile cuts between distinct values; every distinct value gets its own bin when there are few.</summary>
    private static float[] ChooseThresholds(float[] values, int maxBins)
    {
        var sorted = (float[])values.Clone();
        Array.Sort(sorted);
        var distinct = new List<float>();
        var counts = new List<int>();
        foreach (var value in sorted)
        {
            if (distinct.Count > 0 && distinct[^1] == value)
                counts[^1]++;
            else
            {
                distinct.Add(value);
                counts.Add(1);
            }
        }

        var cuts = new List<float>();
        if (distinct.Count <= maxBins)
        {
            for (var i = 0; i + 1 < distinct.Count; i++)
                cuts.Add(Between(distinct[i], distinct[i + 1]));
            return [.. cuts];
        }

        var perBin = (double)sorted.Length / maxBins;
        var level = 1;
        long cumulative = 0;
        for (var i = 0; i + 1 < distinct.Count && level < maxBins; i++)
        {
            cumulative += counts[i];
            if (cumulative < level * perBin)
                continue;
            cuts.Add(Between(distinct[i], distinct[i + 1]));
            while (level < maxBins && level * perBin <= cumulative)
                level++;
        }

        return [.. cuts];
    }

    /// <summary>A float t with low ≤ t &lt; high, near the midpoint so unseen values between them split sensibly.</summary>
    private static float Between(float low, float high)
    {
        var mid = (float)(low + ((double)high - low) / 2);
        return mid >= low && mid < high ? mid : low;
    }
}
