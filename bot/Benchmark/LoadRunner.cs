using System.Diagnostics;
using System.Globalization;
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
        LoadArguments arguments, IReadOnlyList<string> questions, HttpClient http, Func<string, CancellationToken, Task> progress,
        CancellationToken cancellationToken)
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
            return Row(server, database, arguments, opened.Count, 0, measurements, 0, 0, before, idle, idle, idle);
        }

        var warm = idle;
        var asked = 0;
        if (arguments.WarmupSeconds > 0)
        {
            asked = await WarmUpAsync(target, opened, questions, arguments, measurements, progress, cancellationToken);
            warm = await process.ReadMemoryAsync(http, cancellationToken);
        }

        // One rate for the whole window; the warm-up's questions come first in the question list's cycle.
        var total = arguments.Rate * arguments.DurationSeconds;
        var messagesBefore = measurements.Messages;
        var start = Stopwatch.GetTimestamp();
        await SendOnScheduleAsync(target, opened, questions, asked, total, start, i => i / (double)arguments.Rate, cancellationToken);
        var window = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var messagesInWindow = measurements.Messages - messagesBefore;
        await DrainAsync(measurements, total, cancellationToken);
        var after = await process.ReadMemoryAsync(http, cancellationToken);
        return Row(server, database, arguments, opened.Count, total, measurements, window, messagesInWindow, before, idle, warm, after);
    }

    // The rate rises linearly from a tenth of the target to the target over the warm-up: n questions are due by
    // t = W·(√(0.01 + 1.8·n/(R·W)) − 0.1)/0.9, the inverse of n(t) = R·(0.1·t + 0.45·t²/W).
    private static async Task<int> WarmUpAsync(
        ILoadTarget target, List<int> opened, IReadOnlyList<string> questions, LoadArguments arguments, LoadMeasurements measurements,
        Func<string, CancellationToken, Task> progress, CancellationToken cancellationToken)
    {
        double rate = arguments.Rate, seconds = arguments.WarmupSeconds;
        var total = (int)Math.Round(rate * 0.55 * seconds);
        await progress($"warming up: {total} questions over {seconds} s, rising to {rate} questions/s (not counted) …", cancellationToken);
        var start = Stopwatch.GetTimestamp();
        await SendOnScheduleAsync(target, opened, questions, 0, total, start,
            n => seconds * (Math.Sqrt(0.01 + (1.8 * n / (rate * seconds))) - 0.1) / 0.9, cancellationToken);
        await DrainAsync(measurements, total, cancellationToken);
        var latencies = measurements.LatenciesMs();
        await progress(string.Format(
            CultureInfo.InvariantCulture, "warm-up: {0} of {1} answered, p50 {2:F1} ms, p99 {3:F1} ms",
            latencies.Count, total, Percentile.NearestRank(latencies, 50), Percentile.NearestRank(latencies, 99)), cancellationToken);
        measurements.Reset();
        return total;
    }

    // Open loop: question i goes out at its due time (seconds after start) whether or not earlier ones were answered.
    private static async Task SendOnScheduleAsync(
        ILoadTarget target, List<int> opened, IReadOnlyList<string> questions, int first, int count, long start, Func<int, double> dueSeconds,
        CancellationToken cancellationToken)
    {
        var sends = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var due = start + (long)(dueSeconds(i) * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            var n = first + i;
            sends.Add(target.SendAsync(opened[n % opened.Count], questions[n % questions.Count], due, cancellationToken));
        }

        await Task.WhenAll(sends);
    }

    private static async Task DrainAsync(LoadMeasurements measurements, int total, CancellationToken cancellationToken)
    {
        var drainUntil = Stopwatch.GetTimestamp() + (long)(Drain.TotalSeconds * Stopwatch.Frequency);
        while (measurements.Answered + measurements.Errors < total && Stopwatch.GetTimestamp() < drainUntil)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
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
        double window, long messages, ServerMemory before, ServerMemory idle, ServerMemory warm, ServerMemory after)
    {
        var latencies = measurements.LatenciesMs();
        var answered = latencies.Count;
        var unanswered = Math.Max(0, sent - answered - measurements.Errors);
        var calls = measurements.CallsPerAnswer();
        return new LoadRow(
            server, database, arguments.Conversations, opened, sent, answered, measurements.Errors + unanswered, Math.Round(window, 2),
            window > 0 ? Math.Round(answered / window, 1) : 0,
            window > 0 ? Math.Round(messages / window, 1) : 0,
            Math.Round(Percentile.NearestRank(latencies, 50), 2),
            Math.Round(Percentile.NearestRank(latencies, 95), 2),
            Math.Round(Percentile.NearestRank(latencies, 99), 2),
            Math.Round(latencies.Count == 0 ? 0 : latencies.Max(), 2),
            before.GcHeapBytes, idle.GcHeapBytes, before.WorkingSetBytes, idle.WorkingSetBytes,
            sent == 0 ? 0 : Math.Round((after.CpuMilliseconds - warm.CpuMilliseconds) / sent, 2),
            calls is { } c ? Math.Round(c.Mean, 2) : null,
            calls?.Max);
    }
}
