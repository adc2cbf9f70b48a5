using System.Globalization;
using System.Text.Json;

namespace ConversationHub.Faq.Evaluation;

/// <summary>Writes evaluation results as a table for people or as JSON lines (one object per engine) for scripts.</summary>
internal static class EvalReportWriter
{
    public static async Task WriteAsync(
        TextWriter output, EvalDataset dataset, EvalArguments arguments, IReadOnlyList<EngineReport> reports, CancellationToken cancellationToken)
    {
        if (arguments.Json)
        {
            foreach (var report in reports)
                await output.WriteLineAsync(JsonSerializer.Serialize(report).AsMemory(), cancellationToken);
            return;
        }

        var withA = dataset.Queries.Count(q => RetrievalMetrics.HasGradeA(q.Judgements));
        var k = arguments.Top;
        var lines = new List<string>
        {
            Invariant($"faq eval: {dataset.Documents.Count} FAQs, {dataset.Queries.Count} judged queries ({withA} with grade-2), top {k}"),
            Invariant($"{"engine",-12} {$"nDCG@{k}",8} {$"MRR@{k}",8} {$"Recall@{k}",9} {"Hit@1A",7} {"Hit@5A",7} {"p50 ms",8} {"p99 ms",8} {"build ms",9}"),
        };
        foreach (var r in reports)
        {
            lines.Add(Invariant(
                $"{r.Engine,-12} {r.Ndcg10,8:0.0000} {r.Mrr10,8:0.0000} {r.Recall10,9:0.0000} {r.Hit1A,7:0.0000} {r.Hit5A,7:0.0000} {r.P50Ms,8:0.000} {r.P99Ms,8:0.000} {r.BuildMs,9:0.0}"));
        }

        foreach (var r in reports)
        {
            if (r.RerankP50Ms is { } p50 && r.RerankP99Ms is { } p99)
                lines.Add(Invariant($"{r.Engine}: re-ranking alone (features + model over the first-stage top K; per query the median of 5 runs) p50 {p50:0.000} ms, p99 {p99:0.000} ms"));
        }

        lines.Add("nDCG: linear gain (A = 2, B = 1); MRR and recall: any judged FAQ; Hit@kA: grade-2 (A) FAQs only.");
        lines.Add("Latency: per query after one warm-up pass over all queries; build: corpus analysis and indexing.");
        foreach (var line in lines)
            await output.WriteLineAsync(line.AsMemory(), cancellationToken);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
