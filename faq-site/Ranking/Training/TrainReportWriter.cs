using System.Globalization;
using System.Text.Json;

namespace ConversationHub.Faq.Ranking.Training;

/// <summary>
/// Writes <c>faq train</c> output: a progress line per trained model, then the cross-validation table.
/// With <c>--json</c>, every line is one JSON object (<c>progress</c>, <c>result</c>, <c>model</c>) for scripts.
/// </summary>
internal sealed class TrainReportWriter(TextWriter output, bool json)
{
    public void Line(string text)
    {
        if (!json)
            output.WriteLine(text);
    }

    /// <summary>A progress sink for one training run; reports synchronously, in order.</summary>
    public IProgress<string> Progress(string run) => new RunProgress(this, run);

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

    /// <summary>The cost of the cross-validated models: training time and model size per fold, scoring p99 per query.</summary>
    public void Costs(double trainSeconds, long modelBytes, int trees, double scoreP99Microseconds)
    {
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(
                new { type = "costs", trainSeconds = Math.Round(trainSeconds, 2), modelBytes, trees, scoreP99Microseconds = Math.Round(scoreP99Microseconds, 1) },
                JsonOptions));
            return;
        }

        output.WriteLine(Invariant(
            $"per fold: training {trainSeconds:0.0} s, {trees} trees, model {modelBytes / 1024.0:0.0} KB (JSON); scoring p99 {scoreP99Microseconds:0.0} µs per query (median of 5 runs each)"));
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

    private void WriteProgress(string run, string value)
    {
        if (json)
            output.WriteLine(JsonSerializer.Serialize(new { type = "progress", run, message = value }, JsonOptions));
        else
            output.WriteLine(Invariant($"  {run} {value}"));
    }

    private sealed class RunProgress(TrainReportWriter writer, string run) : IProgress<string>
    {
        public void Report(string value) => writer.WriteProgress(run, value);
    }
}
