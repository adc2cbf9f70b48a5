using System.Text.Json.Serialization;
using ConversationHub.Faq.Evaluation;

namespace ConversationHub.Faq.Ranking.Training;

/// <summary>The <c>faq eval</c> figures (same definitions, <see cref="RetrievalMetrics"/>) for ranked lists of one run.</summary>
internal sealed record RankedListMetrics(
    [property: JsonPropertyName("ndcg10")] double Ndcg10,
    [property: JsonPropertyName("mrr10")] double Mrr10,
    [property: JsonPropertyName("recall10")] double Recall10,
    [property: JsonPropertyName("hit1A")] double Hit1A,
    [property: JsonPropertyName("hit5A")] double Hit5A,
    [property: JsonPropertyName("queries")] int Queries)
{
    public const int K = 10;

    public static RankedListMetrics Compute(IEnumerable<(IReadOnlyList<string> Ranked, IReadOnlyDictionary<string, int> Judgements)> lists)
    {
        ArgumentNullException.ThrowIfNull(lists);
        double ndcg = 0, mrr = 0, recall = 0, hit1 = 0, hit5 = 0;
        int count = 0, withA = 0;
        foreach (var (ranked, judgements) in lists)
        {
            count++;
            ndcg += RetrievalMetrics.Ndcg(ranked, judgements, K);
            mrr += RetrievalMetrics.ReciprocalRank(ranked, judgements, K);
            recall += RetrievalMetrics.Recall(ranked, judgements, K);
            if (!RetrievalMetrics.HasGradeA(judgements))
                continue;
            withA++;
            hit1 += RetrievalMetrics.HitA(ranked, judgements, 1);
            hit5 += RetrievalMetrics.HitA(ranked, judgements, 5);
        }

        var n = Math.Max(count, 1);
        var a = Math.Max(withA, 1);
        return new RankedListMetrics(Round(ndcg / n), Round(mrr / n), Round(recall / n), Round(hit1 / a), Round(hit5 / a), count);
    }

    /// <summary>The unweighted mean of per-fold figures (each fold holds about the same number of queries).</summary>
    public static RankedListMetrics Average(IReadOnlyList<RankedListMetrics> folds)
    {
        ArgumentNullException.ThrowIfNull(folds);
        return new RankedListMetrics(
            Round(folds.Average(f => f.Ndcg10)),
            Round(folds.Average(f => f.Mrr10)),
            Round(folds.Average(f => f.Recall10)),
            Round(folds.Average(f => f.Hit1A)),
            Round(folds.Average(f => f.Hit5A)),
            folds.Sum(f => f.Queries));
    }

    private static double Round(double value) => Math.Round(value, 4);
}
