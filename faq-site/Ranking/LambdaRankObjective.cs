namespace ConversationHub.Faq.Ranking;

/// <summary>
/// LambdaRank gradients for nDCG@k (Burges 2010, "From RankNet to LambdaRank to LambdaMART: An Overview").
/// For each pair with label_i &gt; label_j in a query: ρ = 1 / (1 + exp(σ(s_i - s_j))), the gradient of the cost
/// with respect to s_i gains -σρ|ΔNDCG| (and s_j the opposite), and both hessians gain σ²ρ(1 - ρ)|ΔNDCG|, where
/// |ΔNDCG| is the change in nDCG@k (linear gain) from swapping the two at their current ranks. Queries whose
/// candidates all share one label contribute nothing.
/// </summary>
internal sealed class LambdaRankObjective
{
    private readonly RankingDataset _data;
    private readonly double _sigma;
    private readonly int _cutoff;
    private readonly double[] _inverseIdealDcg;
    private readonly double[] _discounts;
    private readonly int _maxQuerySize;

    public LambdaRankObjective(RankingDataset data, double sigma, int cutoff)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sigma);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cutoff);
        _data = data;
        _sigma = sigma;
        _cutoff = cutoff;
        _maxQuerySize = data.MaxQuerySize;
        _discounts = new double[Math.Max(_maxQuerySize, 1)];
        for (var i = 0; i < _discounts.Length; i++)
            _discounts[i] = i < cutoff ? RankingMetrics.Discount(i) : 0;

        var starts = data.QueryStarts;
        _inverseIdealDcg = new double[data.QueryCount];
        for (var q = 0; q < data.QueryCount; q++)
        {
            var labels = data.Labels[starts[q]..starts[q + 1]];
            var varies = false;
            foreach (var label in labels)
                varies |= label != labels[0];
            var ideal = varies ? RankingMetrics.IdealDcg(labels, cutoff) : 0;
            _inverseIdealDcg[q] = ideal > 0 ? 1 / ideal : 0;
        }
    }

    /// <summary>Fills <paramref name="gradients"/> and <paramref name="hessians"/> (one per row) for the current scores.</summary>
    public void Compute(double[] scores, double[] gradients, double[] hessians)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(gradients);
        ArgumentNullException.ThrowIfNull(hessians);
        // Deterministic: each query writes only its own rows, with its own scratch arrays.
        Parallel.For(
            0,
            _data.QueryCount,
            () => (Order: new int[_maxQuerySize], Rank: new int[_maxQuerySize]),
            (q, _, scratch) =>
            {
                ComputeQuery(q, scores, gradients, hessians, scratch.Order, scratch.Rank);
                return scratch;
            },
            _ => { });
    }

    private void ComputeQuery(int q, double[] scores, double[] gradients, double[] hessians, int[] order, int[] rank)
    {
        var start = _data.QueryStarts[q];
        var count = _data.QueryStarts[q + 1] - start;
        Array.Clear(gradients, start, count);
        Array.Clear(hessians, start, count);
        var inverseIdeal = _inverseIdealDcg[q];
        if (inverseIdeal == 0)
            return;

        var labels = _data.Labels.Slice(start, count);
        RankingMetrics.RankOrder(scores.AsSpan(start, count), order.AsSpan(0, count));
        for (var position = 0; position < count; position++)
            rank[order[position]] = position;

        var sigma = _sigma;
        for (var i = 0; i < count; i++)
        {
            var labelI = labels[i];
            var discountI = _discounts[rank[i]];
            var scoreI = scores[start + i];
            for (var j = 0; j < count; j++)
            {
                var labelJ = labels[j];
                if (labelI <= labelJ)
                    continue;
                var discountJ = _discounts[rank[j]];
                if (discountI == discountJ)
                    continue; // Both below the cutoff: swapping them does not change nDCG@k.
                var deltaNdcg = Math.Abs((labelI - labelJ) * (discountI - discountJ)) * inverseIdeal;
                var rho = 1 / (1 + Math.Exp(sigma * (scoreI - scores[start + j])));
                var lambda = sigma * rho * deltaNdcg;
                var weight = sigma * sigma * rho * (1 - rho) * deltaNdcg;
                gradients[start + i] -= lambda;
                gradients[start + j] += lambda;
                hessians[start + i] += weight;
                hessians[start + j] += weight;
            }
        }
    }
}
