using System.Globalization;
using System.Text.Json;

namespace ConversationHub.Faq.Ranking.Training;

/// <summary>
/// Writes <c>faq train</c> output: progress lines while trees are added, then the cross-validation table.
/// With <c>--json</c>, every line is one JSON object (<c>progress</c>, <c>result</c>, <c>model</c>) for scripts.
/// </summary>
internal sealed class TrainReportWriter(TextWriter output, bool json)
{
    // One progress line per this many rounds (and the last), so a fold prints about twenty lines, not hundreds.
    private const int ProgressEvery = 25;

    public void Line(string text)
    {
        if (!json)
            output.WriteLine(text);
    }

    /// <summary>A progress sink for one training run; reports synchronously, in order.</summary>
    public IProgress<LambdaMartProgress> Progress(string run) => new RunProgress(this, run);

    public void Result(string fold, string engine, RankedListMetrics metrics)
    {
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new { type = "result", fold, engine, metrics.Ndcg10, metrics.Mrr10, metrics.Recall10, metrics.Hit1A, metrics.Hit5A, metrics.Queries }, JsonOptions));
            return;
        }

        output.WriteLine(Invariant($"{fold,-6} {engine,-13} {metrics.Ndcg10,8:0.0000} {metrics.Mrr10,8:0.0000} {metrics.Recall10,9:0.0000} {metrics.Hit1A,7:0.0000} {metrics.Hit5A,7:0.0000} {metrics.Queries,7}"));
    }

    public void ResultHeader() =>
        Line($"{"fold",-6} {"engine",-13} {"nDCG@10",8} {"MRR@10",8} {"Recall@10",9} {"Hit@1A",7} {"Hit@5A",7} {"queries",7}");

    /// <summary>The comparison table (or one <c>comparison</c> JSON object per trainer).</summary>
    public void Comparison(int folds, int seed, IReadOnlyList<TrainerComparisonRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (json)
        {
            foreach (var row in rows)
            {
                output.WriteLine(JsonSerializer.Serialize(
                    new
                    {
                        type = "comparison",
                        trainer = row.Trainer,
                        folds,
                        seed,
                        row.Metrics.Ndcg10,
                        row.Metrics.Mrr10,
                        row.Metrics.Hit1A,
                        row.Metrics.Queries,
                        trainSeconds = row.TrainSeconds,
                        modelBytes = row.ModelBytes,
                        scoreP99Microseconds = row.ScoreP99Microseconds,
                    },
                    JsonOptions));
            }

            return;
        }

        output.WriteLine(Invariant($"comparison: {folds} folds by query, seed {seed}; figures averaged over folds, time and size per fold's model, p99 over held-out queries (median of 5 runs each)"));
        output.WriteLine(Invariant($"{"trainer",-14} {"nDCG@10",8} {"MRR@10",8} {"Hit@1A",7} {"train s",8} {"model KB",9} {"p99 µs/query",13}"));
        foreach (var row in rows)
        {
            var first = row.TrainSeconds == 0 && row.ModelBytes == 0;
            var train = first ? "-" : Invariant($"{row.TrainSeconds:0.0}");
            var size = first ? "-" : Invariant($"{row.ModelBytes / 1024.0:0.0}");
            var p99 = first ? "-" : Invariant($"{row.ScoreP99Microseconds:0.0}");
            output.WriteLine(Invariant($"{row.Trainer,-14} {row.Metrics.Ndcg10,8:0.0000} {row.Metrics.Mrr10,8:0.0000} {row.Metrics.Hit1A,7:0.0000} {train,8} {size,9} {p99,13}"));
        }
    }

    public void Model(string path, string cardPath, int trees, double seconds)
    {
        if (json)
            output.WriteLine(JsonSerializer.Serialize(new { type = "model", path, card = cardPath, trees, seconds = Math.Round(seconds, 1) }, JsonOptions));
        else
            output.WriteLine(Invariant($"model: {path} ({trees} trees, {seconds:0.0} s), card: {cardPath}"));
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private void WriteProgress(string run, LambdaMartProgress value)
    {
        if (value.Iteration % ProgressEvery != 0 && value.Iteration != value.TreeCount && value.Iteration != 1)
            return;
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(
                new { type = "progress", run, value.Iteration, trainNdcg10 = Math.Round(value.TrainingNdcg, 4), validNdcg10 = value.ValidationNdcg is { } v ? Math.Round(v, 4) : (double?)null },
                JsonOptions));
            return;
        }

        var validation = value.ValidationNdcg is { } valid ? Invariant($"{valid:0.0000}") : "-";
        output.WriteLine(Invariant($"  {run} iteration {value.Iteration,3}/{value.TreeCount}: train nDCG@10 {value.TrainingNdcg:0.0000}, validation {validation}"));
    }

    private sealed class RunProgress(TrainReportWriter writer, string run) : IProgress<LambdaMartProgress>
    {
        public void Report(LambdaMartProgress value) => writer.WriteProgress(run, value);
    }
}
