using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ConversationHub.Faq.Ranking;

/// <summary>
/// Query groups of candidate rows for learning to rank: a dense row-major feature matrix, a relevance label per
/// row (0 irrelevant, 1 relevant, 2 contains the answer) and the query each row belongs to. A query's rows are
/// contiguous. Immutable; build one with <see cref="RankingDatasetBuilder"/>.
/// </summary>
internal sealed class RankingDataset
{
    private readonly string[] _featureNames;
    private readonly float[] _features;
    private readonly int[] _labels;
    private readonly string[] _queryIds;
    private readonly int[] _queryStarts;

    /// <summary>Takes ownership of the arrays; <paramref name="queryStarts"/> has one more entry than there are queries.</summary>
    internal RankingDataset(string[] featureNames, float[] features, int[] labels, string[] queryIds, int[] queryStarts)
    {
        _featureNames = featureNames;
        _features = features;
        _labels = labels;
        _queryIds = queryIds;
        _queryStarts = queryStarts;
    }

    public IReadOnlyList<string> FeatureNames => _featureNames;

    public int FeatureCount => _featureNames.Length;

    public int RowCount => _labels.Length;

    public int QueryCount => _queryIds.Length;

    public IReadOnlyList<string> QueryIds => _queryIds;

    /// <summary>All features, row-major: row r occupies [r * FeatureCount, (r + 1) * FeatureCount).</summary>
    public ReadOnlySpan<float> Features => _features;

    public ReadOnlySpan<int> Labels => _labels;

    /// <summary>The first row of each query, then <see cref="RowCount"/>.</summary>
    public ReadOnlySpan<int> QueryStarts => _queryStarts;

    /// <summary>The largest number of candidates in one query.</summary>
    public int MaxQuerySize
    {
        get
        {
            var max = 0;
            for (var q = 0; q < QueryCount; q++)
                max = Math.Max(max, _queryStarts[q + 1] - _queryStarts[q]);
            return max;
        }
    }

    public ReadOnlySpan<float> Row(int row) => _features.AsSpan(row * FeatureCount, FeatureCount);

    public float Feature(int row, int feature) => _features[(row * FeatureCount) + feature];

    /// <summary>A new dataset holding the given queries (by index), in the given order.</summary>
    public RankingDataset SelectQueries(IReadOnlyList<int> queryIndices)
    {
        ArgumentNullException.ThrowIfNull(queryIndices);
        var builder = new RankingDatasetBuilder(_featureNames);
        foreach (var q in queryIndices)
        {
            var start = _queryStarts[q];
            var count = _queryStarts[q + 1] - start;
            builder.AddQuery(
                _queryIds[q],
                _features.AsSpan(start * FeatureCount, count * FeatureCount),
                _labels.AsSpan(start, count));
        }

        return builder.Build();
    }

    /// <summary>
    /// SHA-256 (lower-case hex) of the feature names and every row, in a canonical order (queries by ordinal id,
    /// rows within a query by label then feature bits), so the same data in another order hashes the same.
    /// </summary>
    public string ComputeHash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var word = new byte[4];
        void AppendInt(int value)
        {
            BinaryPrimitives.WriteInt32LittleEndian(word, value);
            hash.AppendData(word);
        }

        void AppendString(string value)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            AppendInt(bytes.Length);
            hash.AppendData(bytes);
        }

        AppendString("ConversationHub.RankingDataset/1");
        AppendInt(FeatureCount);
        foreach (var name in _featureNames)
            AppendString(name);

        var queryOrder = new int[QueryCount];
        for (var q = 0; q < queryOrder.Length; q++)
            queryOrder[q] = q;
        Array.Sort(queryOrder, (a, b) => string.CompareOrdinal(_queryIds[a], _queryIds[b]));
        AppendInt(QueryCount);
        foreach (var q in queryOrder)
        {
            AppendString(_queryIds[q]);
            var start = _queryStarts[q];
            var rows = new int[_queryStarts[q + 1] - start];
            for (var i = 0; i < rows.Length; i++)
                rows[i] = start + i;
            Array.Sort(rows, CompareRows);
            AppendInt(rows.Length);
            foreach (var row in rows)
            {
                AppendInt(_labels[row]);
                foreach (var value in Row(row))
                    AppendInt(BitConverter.SingleToInt32Bits(value));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private int CompareRows(int a, int b)
    {
        var byLabel = _labels[a].CompareTo(_labels[b]);
        if (byLabel != 0)
            return byLabel;
        var rowA = Row(a);
        var rowB = Row(b);
        for (var f = 0; f < rowA.Length; f++)
        {
            var byBits = BitConverter.SingleToInt32Bits(rowA[f]).CompareTo(BitConverter.SingleToInt32Bits(rowB[f]));
            if (byBits != 0)
                return byBits;
        }

        return 0;
    }
}
