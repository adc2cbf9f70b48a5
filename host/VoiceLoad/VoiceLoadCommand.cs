using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace ConversationHub.Host.VoiceLoad;

/// <summary>
/// <c>voice load</c>: N concurrent calls on the embedded phone simulator (see <see cref="VoiceLoadRun"/>). Prints the time
/// from each event ACS posts to our next ACS request (p50/p95/p99/max overall and per kind of event; target p99 ≤ 50 ms),
/// calls completed and lost, duplicate plays and duplicate SMS (both must be 0), CPU per call and peak working set.
/// Exits 0 when nothing was lost or doubled (the latency is reported, not enforced). Measure a Release build.
/// </summary>
internal static class VoiceLoadCommand
{
    public const int Success = 0;
    public const int RunError = 1;
    public const int UsageError = 2;
    public const int Interrupted = 130;

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var arguments = VoiceLoadArguments.TryParse(args, out var error);
        if (arguments is null)
        {
            await output.WriteLineAsync($"voice load: {error}\n{VoiceLoadArguments.Usage}".AsMemory(), cancellationToken);
            return UsageError;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var terminated = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var hungUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Stop);
        try
        {
            var row = await VoiceLoadRun.RunAsync(arguments, message => Progress(output, arguments, message, stop.Token), stop.Token);
            await WriteAsync(output, arguments, row, stop.Token);
            return row.Lost == 0 && row.NotEndedOnOurSide == 0 && row.DuplicatePlays == 0 && row.DuplicateSms == 0 ? Success : RunError;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await output.WriteLineAsync("voice load: stopped before the end; the platform it started is stopped too.".AsMemory(), CancellationToken.None);
            return Interrupted;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or HttpRequestException or System.Data.Common.DbException)
        {
            await output.WriteLineAsync($"voice load: {e.Message}".AsMemory(), CancellationToken.None);
            return RunError;
        }

        void Stop(PosixSignalContext context)
        {
            context.Cancel = !stop.IsCancellationRequested;
            stop.Cancel();
        }
    }

    private static async Task WriteAsync(TextWriter output, VoiceLoadArguments arguments, VoiceLoadRow row, CancellationToken cancellationToken)
    {
        if (arguments.Json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(row, JsonOptions).AsMemory(), cancellationToken);
            return;
        }

        var c = CultureInfo.InvariantCulture;
        List<string> lines =
        [
            string.Format(c, "voice load: {0} calls on the stand-in ACS, {1} on {2} node(s)", row.Calls, row.Database, row.Nodes),
            "",
            string.Format(c, "{0,-46}{1,14}", "calls completed / question not answered", $"{row.Completed} / {row.NotAnswered}"),
            string.Format(c, "{0,-46}{1,14}", "calls lost (must be 0)", row.Lost),
            .. row.LostAt.Select(l => string.Format(c, "{0,-46}{1,14}", "  stuck waiting for " + l.Key, l.Value)),
            string.Format(c, "{0,-46}{1,14}", "calls left open on our side (must be 0)", row.NotEndedOnOurSide),
            string.Format(c, "{0,-46}{1,14}", "duplicate plays (must be 0)", row.DuplicatePlays),
            string.Format(c, "{0,-46}{1,14}", "SMS sent / duplicate SMS (must be 0)", $"{row.SmsSent} / {row.DuplicateSms}"),
            string.Format(c, "{0,-46}{1,14}", "SMS repeats answered once by the stand-in", row.SmsRepeatsDeduplicated),
            string.Format(c, "{0,-46}{1,14}", "events timed / without a request", $"{row.EventsTimed} / {row.EventsWithoutRequest}"),
            .. row.CallbacksPerNode.Count > 1 ? [string.Format(c, "{0,-46}{1,14}", "callbacks per node (load balancer)", string.Join(" / ", row.CallbacksPerNode))] : Array.Empty<string>(),
            "",
            string.Format(c, "{0,-52}{1,8}{2,8}{3,8}{4,8}{5,8}", "event → our next ACS request (ms)", "count", "p50", "p95", "p99", "max"),
            Line(row.Overall),
            Line(row.OverallFromAck),
            .. row.ByEvent.Select(Line),
            Line(row.BotTurn),
            "",
            string.Format(c, "{0,-46}{1,14}", "p99 target (ms) / met", $"{row.TargetP99Ms:F0} / {(row.MeetsTarget ? "yes" : "no")}"),
            string.Format(c, "{0,-46}{1,14:F1}", "CPU per call, whole process (ms)", row.CpuMsPerCall),
            string.Format(c, "{0,-46}{1,14:F1}", "peak working set (MiB)", row.PeakWorkingSetMb),
            string.Format(c, "{0,-46}{1,14:F1}", "run (s)", row.Seconds),
        ];
        foreach (var line in lines)
        {
            await output.WriteLineAsync(line.AsMemory(), cancellationToken);
        }

        string Line(VoiceLoadLatency l) => string.Format(c, "  {0,-50}{1,8}{2,8:F1}{3,8:F1}{4,8:F1}{5,8:F1}", l.Event, l.Count, l.P50Ms, l.P95Ms, l.P99Ms, l.MaxMs);
    }

    // Progress goes to stderr with --json, so stdout stays one JSON object.
    private static Task Progress(TextWriter output, VoiceLoadArguments arguments, string message, CancellationToken cancellationToken) =>
        (arguments.Json ? Console.Error : output).WriteLineAsync($"voice load: {message}".AsMemory(), cancellationToken);
}
