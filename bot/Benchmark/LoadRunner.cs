using System.Diagnostics;
using ConversationHub.Faq.Evaluation;

namespace ConversationHub.Bot.Benchmark;

/// <summary>
/// One measured run against one server: memory before, N conversations opened and left idle, memory again, then
/// questions at a fixed aggregate rate on an open-loop schedule (each is sent at its due time whether or not earlier
/// ones were answered, so a slow server cannot slow the load down and hide its latency), then a short drain.
/// </summary>
internal static class LoadRunner
{
    private const int OpenParallelism = 16;
    private static readonly TimeSpan IdleWithin = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(15);

    public static async Task<LoadRow> RunAsync(
        string server, string database, LoadServerProcess process, Func<LoadMeasurements, ILoadTarget> targetFor,
        LoadArguments arguments, IReadOnlyList<string> questions, HttpClient http, CancellationToken cancellationToken)
    {
        var measurements = new LoadMeasurements();
        await using var target = targetFor(measurements);
        var before = await process.ReadMemoryAsync(http, cancellationToken);
        var opened = await OpenAsync(target, arguments.Conversations, cancellationToken);
        await target.WaitIdleAsync(IdleWithin, cancellationToken);
        await Task.Delay(Settle, cancellationToken);
        var idle = await process.ReadMemoryAsync(http, cancellationToken);
        if (opened.Count == 0)
        {
            return Row(server, database, arguments, opened.Count, 0, measurements, 0, 0, before, idle, idle);
        }

        var total = arguments.Rate * arguments.DurationSeconds;
        var sends = new List<Task>(total);
        var messagesBefore = measurements.Messages;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < total; i++)
        {
            var due = start + (long)(i * (double)Stopwatch.Frequency / arguments.Rate);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            sends.Add(target.SendAsync(opened[i % opened.Count], questions[i % questions.Count], due, cancellationToken));
        }

        var window = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var messagesInWindow = measurements.Messages - messagesBefore;
        await Task.WhenAll(sends);
        var drainUntil = Stopwatch.GetTimestamp() + (long)(Drain.TotalSeconds * Stopwatch.Frequency);
        while (measurements.Answered + measurements.Errors < total && Stopwatch.GetTimestamp() < drainUntil)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }

        var after = await process.ReadMemoryAsync(http, cancellationToken);
        return Row(server, database, arguments, opened.Count, total, measurements, window, messagesInWindow, before, idle, after);
    }

    private static async Task<List<int>> OpenAsync(ILoadTarget target, int count, CancellationToken cancellationToken)
    {
        var opened = new List<int>(count);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = OpenParallelism, CancellationToken = cancellationToken }, async (index, ct) =>
        {
            bool ok;
            try
            {
                ok = await target.OpenAsync(index, ct);
            }
            catch (Exception ex) when (ex is HttpRequestException or System.Net.WebSockets.WebSocketException)
            {
                ok = false;
            }

            if (ok)
            {
                lock (opened)
                {
                    opened.Add(index);
                }
            }
        });
        opened.Sort();
        return opened;
    }

    private static LoadRow Row(
        string server, string database, LoadArguments arguments, int opened, int sent, LoadMeasurements measurements,
        double window, long messages, ServerMemory before, ServerMemory idle, ServerMemory after)
    {
        var latencies = measurements.LatenciesMs();
        var answered = latencies.Count;
        var unanswered = Math.Max(0, sent - answered - measurements.Errors);
        return new LoadRow(
            server, database, arguments.Conversations, opened, sent, answered, measurements.Errors + unanswered, Math.Round(window, 2),
            window > 0 ? Math.Round(answered / window, 1) : 0,
            window > 0 ? Math.Round(messages / window, 1) : 0,
            Math.Round(Percentile.NearestRank(latencies, 50), 2),
            Math.Round(Percentile.NearestRank(latencies, 95), 2),
            Math.Round(Percentile.NearestRank(latencies, 99), 2),
            Math.Round(latencies.Count == 0 ? 0 : latencies.Max(), 2),
            before.GcHeapBytes, idle.GcHeapBytes, before.WorkingSetBytes, idle.WorkingSetBytes,
            sent == 0 ? 0 : Math.Round((after.CpuMilliseconds - idle.CpuMilliseconds) / sent, 2));
    }
}
