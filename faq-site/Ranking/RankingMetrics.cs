namespace ConversationHub.Faq.Ranking;

/// <summary>
/// Ranking metrics over scored query groups, matching the platform's evaluation: nDCG with linear gain (the
/// label) and a 1 / log2(rank + 1) discount (rank from 1), 0 for a query with no relevant candidate; MRR counts
/// any label ≥ 1 as relevant. Candidates are ranked by score descending, ties by candidate order. The ideal DCG
/// is over the candidates given.
/// TODO(eval-unify): merge with faq-site/Evaluation/RetrievalMetrics once the search branch lands.
/// </summary>
internal static class RankingMetrics
{
    /// <summary>1 / log2(position + 2) for a 0-based position.</summary>
    public static double Discount(int position) => 1.0 / Math.Log2(position + 2);

    public static double Ndcg(ReadOnlySpan<double> scores, ReadOnlySpan<int> labels, int k)
    {
        var idcg = IdealDcg(labels, k);
        if (idcg == 0)
            return 0;
        Span<int> order = scores.Length <= 256 ? stackalloc int[scores.Length] : new int[scores.Length];
        RankOrder(scores, order);
        double dcg = 0;
        for (var i = 0; i < Math.Min(k, order.Length); i++)
            dcg += labels[order[i]] * Discount(i);
        return dcg / idcg;
    }

    public static double ReciprocalRank(ReadOnlySpan<double> scores, ReadOnlySpan<int> labels, int k)
    {
        Span<int> order = scores.Length <= 256 ? stackalloc int[scores.Length] : new int[scores.Length];
        RankOrder(scores, order);
        for (var i = 0; i < Math.Min(k, order.Length); i++)
        {
            if (labels[order[i]] > 0)
                return 1.0 / (i + 1);
        }

        return 0;
    }

    /// <summary>The DCG@k of the best possible order of <paramref name="labels"/>.</summary>
    public static double IdealDcg(ReadOnlySpan<int> labels, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        Span<int> sorted = labels.Length <= 256 ? stackalloc int[labels.Length] : new int[labels.Length];
        labels.CopyTo(sorted);
        sorted.Sort();
        double idcg = 0;
        for (var i = 0; i < Math.Min(k, sorted.Length); i++)
            idcg += sorted[sorted.Length - 1 - i] * Discount(i);
        return idcg;
    }

    /// <summary>Mean nDCG@k over all queries; <paramref name="scores"/> has one score per dataset row.</summary>
    public static double MeanNdcg(RankingDataset dataset, ReadOnlySpan<double> scores, int k) =>
        Mean(dataset, scores, k, reciprocalRank: false);

    /// <summary>Mean reciprocal rank within the first k over all queries.</summary>
    public static double MeanReciprocalRank(RankingDataset dataset, ReadOnlySpan<double> scores, int k) =>
        Mean(dataset, scores, k, reciprocalRank: true);

    /// <summary>Writes candidate indices into <paramref name="order"/> by score descending, ties by index (stable).</summary>
    public static void RankOrder(ReadOnlySpan<double> scores, Span<int> order)
    {
        // PERF: insertion sort: candidate lists are short (tens), it is stable, and it allocates nothing.
        for (var i = 0; i < order.Length; i++)
        {
            var score = scores[i];
            var j = i - 1;
            while (j >= 0 && scores[order[j]] < score)
            {
                order[j + 1] = order[j];
                j--;
            }

            order[j + 1] = i;
        }
    }

    private static double Mean(RankingDataset dataset, ReadOnlySpan<double> scores, int k, bool reciprocalRank)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (scores.Length != dataset.RowCount)
            throw new ArgumentException($"Expected {dataset.RowCount} scores, got {scores.Length}.", nameof(scores));
        if (dataset.QueryCount == 0)
            return 0;
        var starts = dataset.QueryStarts;
        var labels = dataset.Labels;
        double sum = 0;
        for (var q = 0; q < dataset.QueryCount; q++)
        {
            var start = starts[q];
            var count = starts[q + 1] - start;
            sum += reciprocalRank
                ? ReciprocalRank(scores.Slice(start, count), labels.Slice(start, count), k)
                : Ndcg(scores.Slice(start, count), labels.Slice(start, count), k);
        }

        return sum / dataset.QueryCount;
    }
}
