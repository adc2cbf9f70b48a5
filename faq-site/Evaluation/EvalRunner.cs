using System.Diagnostics;

namespace ConversationHub.Faq.Evaluation;

/// <summary>
/// Builds an engine over the corpus (timed), runs every query once to warm up, then runs them again, timing
/// each query and scoring its ranking.
/// </summary>
internal static class EvalRunner
{
    public static EngineReport Run(IRetrievalEngine engine, EvalDataset dataset, int top, CancellationToken cancellationToken)
    {
        var buildStarted = Stopwatch.GetTimestamp();
        engine.Build(dataset.Documents);
        var buildMs = Stopwatch.GetElapsedTime(buildStarted).TotalMilliseconds;

        foreach (var query in dataset.Queries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            engine.Search(query.Text, top);
        }

        var rerankTimed = engine as IRerankTimed;
        rerankTimed?.ResetTimings();
        var latencies = new List<double>(dataset.Queries.Count);
        double ndcg = 0, mrr = 0, recall = 0, hit1 = 0, hit5 = 0;
        var gradeAQueries = 0;
        foreach (var query in dataset.Queries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = Stopwatch.GetTimestamp();
            var ranked = engine.Search(query.Text, top);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);

            ndcg += RetrievalMetrics.Ndcg(ranked, query.Judgements, top);
            mrr += RetrievalMetrics.ReciprocalRank(ranked, query.Judgements, top);
            recall += RetrievalMetrics.Recall(ranked, query.Judgements, top);
            if (RetrievalMetrics.HasGradeA(query.Judgements))
            {
                gradeAQueries++;
                hit1 += RetrievalMetrics.HitA(ranked, query.Judgements, 1);
                hit5 += RetrievalMetrics.HitA(ranked, query.Judgements, 5);
            }
        }

        var count = Math.Max(dataset.Queries.Count, 1);
        var withA = Math.Max(gradeAQueries, 1);
        return new EngineReport(
            engine.Name,
            Round(ndcg / count),
            Round(mrr / count),
            Round(recall / count),
            Round(hit1 / withA),
            Round(hit5 / withA),
            Math.Round(Percentile.NearestRank(latencies, 50), 3),
            Math.Round(Percentile.NearestRank(latencies, 99), 3),
            Math.Round(buildMs, 1),
            dataset.Queries.Count,
            rerankTimed is null ? null : Math.Round(Percentile.NearestRank(rerankTimed.RerankLatencies, 50), 3),
            rerankTimed is null ? null : Math.Round(Percentile.NearestRank(rerankTimed.RerankLatencies, 99), 3));
    }

    private static double Round(double value) => Math.Round(value, 4);
}
