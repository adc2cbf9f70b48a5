using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConversationHub.Bot.Benchmark;

/// <summary>Prints the rows of <c>bot load</c> side by side, or with <c>--json</c> one JSON object per line per row.</summary>
internal static class LoadReportWriter
{
    // Nulls are left out: a Direct Line row has no LINE calls to count, and its line stays as it was.
    private static readonly JsonSerializerOptions _json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static async Task WriteAsync(TextWriter output, LoadArguments arguments, IReadOnlyList<LoadRow> rows, CancellationToken cancellationToken)
    {
        if (arguments.Json)
        {
            foreach (var row in rows)
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(row, _json).AsMemory(), cancellationToken);
            }

            return;
        }

        var c = CultureInfo.InvariantCulture;
        const double KB = 1024.0;
        const double MB = 1024.0 * 1024.0;
        List<string> lines =
        [
            arguments.Channel == LoadArguments.LineChannel
                ? string.Format(c, "bot load --channel line: {0} citizens, {1} webhook events/s for {2} s, open-loop; latency from the scheduled webhook POST to the reply (or push) call", arguments.Conversations, arguments.Rate, arguments.DurationSeconds)
                : string.Format(c, "bot load: {0} conversations, {1} questions/s for {2} s, open-loop; latency from the scheduled send", arguments.Conversations, arguments.Rate, arguments.DurationSeconds),
            "",
            string.Format(c, "{0,-34}{1}", "", string.Concat(rows.Select(r => $"{r.Server + " (" + r.Database + ")",24}"))),
            Line("conversations opened", r => r.Opened.ToString(c)),
            Line("questions sent", r => r.Sent.ToString(c)),
            Line("questions answered", r => r.Answered.ToString(c)),
            Line("errors (failed or unanswered)", r => r.Errors.ToString(c)),
            Line("answers per second", r => r.AnswersPerSecond.ToString("F1", c)),
            Line("messages received per second", r => r.MessagesPerSecond.ToString("F1", c)),
            Line("reply latency p50 (ms)", r => r.P50Ms.ToString("F1", c)),
            Line("reply latency p95 (ms)", r => r.P95Ms.ToString("F1", c)),
            Line("reply latency p99 (ms)", r => r.P99Ms.ToString("F1", c)),
            Line("reply latency max (ms)", r => r.MaxMs.ToString("F1", c)),
            Line("server CPU per question (ms)", r => r.ServerCpuMsPerQuestion.ToString("F2", c)),
            Line("server GC heap before (MB)", r => (r.GcHeapBeforeBytes / MB).ToString("F1", c)),
            Line("server GC heap, N idle (MB)", r => (r.GcHeapIdleBytes / MB).ToString("F1", c)),
            Line("server working set before (MB)", r => (r.WorkingSetBeforeBytes / MB).ToString("F1", c)),
            Line("server working set, N idle (MB)", r => (r.WorkingSetIdleBytes / MB).ToString("F1", c)),
            Line("GC heap per idle conversation (KB)", r => (r.GcHeapPerConversationBytes / KB).ToString("F1", c)),
            Line("working set per idle conv. (KB)", r => (r.WorkingSetPerConversationBytes / KB).ToString("F1", c)),
        ];
        if (rows.Any(r => r.ReplyCallsPerTurn is not null))
        {
            lines.Insert(7, Line("LINE calls per turn (mean / max)", r => r.ReplyCallsPerTurn is { } mean ? string.Format(c, "{0:F2} / {1}", mean, r.MaxReplyCallsPerTurn) : "-"));
        }

        foreach (var line in lines)
        {
            await output.WriteLineAsync(line.AsMemory(), cancellationToken);
        }

        string Line(string label, Func<LoadRow, string> value) => $"{label,-34}{string.Concat(rows.Select(r => $"{value(r),24}"))}";
    }
}
