using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Faq.Evaluation;
using ConversationHub.VoiceBridge.Persistence;
using ConversationHub.VoiceBridge.Simulator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConversationHub.Host.VoiceLoad;

/// <summary>
/// The engine of <c>voice load</c>: starts the platform in this process (a throw-away SQLite database, or the PostgreSQL
/// database given), with the contact center open and no operator signed in, places one warm-up call, then the N calls
/// at once (spread over one second), each scripted by <see cref="VoiceLoadCaller"/>, waits for our side to close every
/// call, and reduces what the stand-in saw (<see cref="VoiceLoadMeasurements"/>) to a <see cref="VoiceLoadRow"/>.
/// </summary>
internal static class VoiceLoadRun
{
    // Questions from the demo city's FAQs, worded as a caller says them, so that the answers (and their SMS) differ.
    internal static readonly string[] Questions =
    [
        "住民票の写しを取りたい",
        "印鑑登録をしたいです",
        "戸籍謄本はどこで取れますか",
        "婚姻届はどこに出せばよいですか",
        "マイナンバーカードの暗証番号を忘れてしまいました",
        "出生届はいつまでに出せばよいですか",
    ];

    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Spread = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(60);

    public static async Task<VoiceLoadRow> RunAsync(VoiceLoadArguments arguments, Func<string, Task> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(progress);
        var scratch = Directory.CreateTempSubdirectory("hub-voice-load-");
        try
        {
            return await RunAsync(arguments, scratch.FullName, progress, cancellationToken);
        }
        finally
        {
            // SQLite's pooled connections hold the file until they are cleared.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            scratch.Delete(recursive: true);
        }
    }

    private static async Task<VoiceLoadRow> RunAsync(VoiceLoadArguments arguments, string scratch, Func<string, Task> progress, CancellationToken cancellationToken)
    {
        var measurements = new VoiceLoadMeasurements();
        var settings = Settings(arguments, scratch);
        // Two nodes: the stand-in runs on node A, which gets the IncomingCall events; the callbacks go through a load
        // balancer to A and B in turn; B's ACS client is pointed at A's stand-in, with the same key, secret and audience.
        await using var balancer = arguments.Nodes > 1 ? await VoiceLoadBalancer.StartAsync(cancellationToken) : null;
        var accessKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var callbackSecret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var first = new Dictionary<string, string?>(settings, StringComparer.Ordinal);
        if (balancer is not null)
        {
            first["Voice:Provider"] = "Simulator";
            first["Voice:Simulator:AccessKey"] = accessKey;
            first["Voice:Acs:CallbackBaseUrl"] = balancer.BaseAddress.AbsoluteUri;
            first["Voice:Acs:CallbackSecret"] = callbackSecret;
        }

        await progress($"starting platform node 1 of {arguments.Nodes}, with the stand-in ACS …");
        await using var node = await VoiceLoadNode.StartAsync(first, measurements, cancellationToken);
        await progress($"node 1 ready on {node.BaseAddress}");
        var simulator = node.Services.GetRequiredService<IOptions<AcsSimulatorOptions>>().Value;
        VoiceLoadNode? second = null;
        if (balancer is not null)
        {
            var other = new Dictionary<string, string?>(settings, StringComparer.Ordinal)
            {
                ["Voice:Provider"] = "Acs",
                ["Voice:Acs:Endpoint"] = node.BaseAddress.AbsoluteUri,
                ["Voice:Acs:AccessKey"] = accessKey,
                ["Voice:Acs:CallbackBaseUrl"] = balancer.BaseAddress.AbsoluteUri,
                ["Voice:Acs:CallbackSecret"] = callbackSecret,
                ["Voice:Acs:Audience"] = simulator.ResourceId,
                ["Voice:Acs:OpenIdMetadataUrl"] = new Uri(node.BaseAddress, "simulator/acs/.well-known/acsopenidconfiguration").AbsoluteUri,
            };
            await progress("starting platform node 2 of 2 …");
            second = await VoiceLoadNode.StartAsync(other, null, cancellationToken);
            await progress($"node 2 ready on {second.BaseAddress}; callbacks through {balancer.BaseAddress}");
            balancer.Route(node.BaseAddress, second.BaseAddress);
        }

        await using var secondNode = second;
        var phone = node.Services.GetRequiredService<SimulatedPhone>();
        var city = simulator.CityNumbers[0];

        // A call per node first, not counted: the first of everything (JIT, pools, the search index) is not what is measured.
        await progress("warm-up calls …");
        for (var n = 0; n < arguments.Nodes; n++)
        {
            var warmUp = new VoiceLoadCaller(phone, measurements.Expect(CallerNumber(-1 - n)), StepTimeout);
            if (await warmUp.RunAsync(city, Questions[n], endByGoodbye: true, cancellationToken) == VoiceLoadOutcome.Lost)
            {
                throw new InvalidOperationException($"the warm-up call got no {warmUp.StuckAt}; is the platform's voice set up?");
            }
        }

        await progress($"{arguments.Calls} calls at once …");
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var traces = new CallTrace[arguments.Calls];
        var callers = new VoiceLoadCaller[arguments.Calls];
        var runs = new Task<VoiceLoadOutcome>[arguments.Calls];
        for (var i = 0; i < arguments.Calls; i++)
        {
            var due = Spread * i / arguments.Calls - Stopwatch.GetElapsedTime(started);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, cancellationToken);
            }

            traces[i] = measurements.Expect(CallerNumber(i));
            callers[i] = new VoiceLoadCaller(phone, traces[i], StepTimeout);
            runs[i] = callers[i].RunAsync(city, Questions[i % Questions.Length], endByGoodbye: i % 2 == 1, cancellationToken);
        }

        var outcomes = await Task.WhenAll(runs);
        var notEnded = await WaitForCallsEndedAsync(node.Services, cancellationToken);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        process.Refresh();
        var cpuMs = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        var botTurns = await BotTurnsAsync(node.Services, traces, cancellationToken);
        var stuck = callers.Where(c => c.StuckAt is not null).GroupBy(c => c.StuckAt!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var row = VoiceLoadRow.From(arguments, traces, outcomes, notEnded, measurements.SmsRepeats, stuck, botTurns, seconds, cpuMs, process.PeakWorkingSet64);
        return balancer is null ? row : row with { CallbacksPerNode = balancer.Forwarded };
    }

    /// <summary>
    /// The bot's turn in each call, from the transcript: from the caller's question stored to the bot's answer (the
    /// first message naming an FAQ) stored, in ms. This is the part of the speech step that is the bot's, not the phone's.
    /// </summary>
    private static async Task<List<double>> BotTurnsAsync(IServiceProvider services, IReadOnlyList<CallTrace> traces, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var connections = traces.Select(t => t.CallConnectionId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var conversations = await scope.ServiceProvider.GetRequiredService<VoiceDbContext>().Calls
            .Select(c => new { c.CallConnectionId, c.ConversationId }).ToListAsync(cancellationToken);
        var store = scope.ServiceProvider.GetRequiredService<IConversationStore>();
        var turns = new List<double>();
        foreach (var conversation in conversations.Where(c => connections.Contains(c.CallConnectionId)))
        {
            var transcript = await store.ReadAsync(conversation.ConversationId, 0, 500, cancellationToken);
            var answer = transcript.FirstOrDefault(a => a.Direction == ActivityDirection.Outbound && a.ActivityJson.Contains(ActivityChannelData.FaqId, StringComparison.Ordinal));
            var question = answer is null ? null
                : transcript.LastOrDefault(a => a.Sequence < answer.Sequence && a.Direction == ActivityDirection.Inbound && a.Type == "message");
            if (answer is not null && question is not null)
            {
                turns.Add((answer.TimestampUtc - question.TimestampUtc).TotalMilliseconds);
            }
        }

        return turns;
    }

    // Our side closes a call's record when it hears CallDisconnected; a call never closed was lost on our side.
    private static async Task<int> WaitForCallsEndedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var until = Stopwatch.GetTimestamp() + (long)(Drain.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            await using var scope = services.CreateAsyncScope();
            var open = await scope.ServiceProvider.GetRequiredService<VoiceDbContext>().Calls.CountAsync(c => c.EndedAtUtc == null, cancellationToken);
            if (open == 0 || Stopwatch.GetTimestamp() > until)
            {
                return open;
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    // Unique per call: the stand-in's SMS and the measurements find the call by it.
    private static string CallerNumber(int i) => "+8190" + (10_000_000 + i + 1).ToString(CultureInfo.InvariantCulture);

    // The contact center open all day around now; fresh keys; no postal codes (seconds of CPU not measured here).
    private static Dictionary<string, string?> Settings(VoiceLoadArguments arguments, string scratch)
    {
        const string keyId = "load";
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Pii:ActiveKeyId"] = keyId,
            ["Pii:Keys:" + keyId] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Pii:LookupKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["DemoCity:Password"] = "Load" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)) + "x",
            ["DemoCity:LoadPostalCodes"] = "false",
            ["Database:Provider"] = arguments.ConnectionString is null ? "Sqlite" : "Postgres",
            ["ConnectionStrings:Hub"] = arguments.ConnectionString ?? $"Data Source={Path.Combine(scratch, "hub.db")}",
            ["Mail:Outbound:PickupDirectory"] = Path.Combine(scratch, "mail"),
        };
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));
        for (var i = -1; i <= 1; i++)
        {
            settings[$"Calendar:ExtraDays:{i + 1}:Date"] = today.AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            settings[$"Calendar:ExtraDays:{i + 1}:Hours"] = "00:00-23:59";
        }

        return settings;
    }
}

/// <summary>The timings of one kind of event: from the start of its post to our next request for the call, in ms.</summary>
internal sealed record VoiceLoadLatency(string Event, int Count, double P50Ms, double P95Ms, double P99Ms, double MaxMs)
{
    public static VoiceLoadLatency Of(string name, IReadOnlyList<double> values) =>
        new(name, values.Count, P(values, 50), P(values, 95), P(values, 99), values.Count == 0 ? 0 : Math.Round(values.Max(), 1));

    private static double P(IReadOnlyList<double> values, int percentile) => values.Count == 0 ? 0 : Math.Round(Percentile.NearestRank(values, percentile), 1);
}

/// <summary>The figures of one <c>voice load</c> run.</summary>
/// <param name="Overall">Every timed event, from the start of its post.</param>
/// <param name="OverallFromAck">The same, from the acknowledgement of the post (negative: the request came first).</param>
/// <param name="ByEvent">Per kind of event, from the start of its post.</param>
/// <param name="BotTurn">The bot's own turn inside the speech step: question stored → answer stored (transcript times).</param>
/// <param name="EventsWithoutRequest">Timed events that no request followed before the call's next timed event.</param>
/// <param name="CpuMsPerCall">This process's CPU (platform, stand-in and callers together) per call.</param>
internal sealed record VoiceLoadRow(
    string Database, int Nodes, int Calls, int Completed, int NotAnswered, int Lost, IReadOnlyDictionary<string, int> LostAt, int NotEndedOnOurSide,
    int DuplicatePlays, int SmsSent, int DuplicateSms, int SmsRepeatsDeduplicated, int EventsTimed, int EventsWithoutRequest,
    VoiceLoadLatency Overall, VoiceLoadLatency OverallFromAck, IReadOnlyList<VoiceLoadLatency> ByEvent, VoiceLoadLatency BotTurn,
    double TargetP99Ms, bool MeetsTarget, double Seconds, double CpuMsPerCall, double PeakWorkingSetMb)
{
    /// <summary>With several nodes, the callbacks (warm-up calls included) the load balancer passed to each.</summary>
    public IReadOnlyList<int> CallbacksPerNode { get; init; } = [];

    public const double Target = 50;

    internal static readonly string[] Kinds =
    [
        VoiceLoadMeasurements.IncomingCall, VoiceLoadMeasurements.CallConnected, VoiceLoadMeasurements.RecognizeDtmf,
        VoiceLoadMeasurements.RecognizeSpeech, VoiceLoadMeasurements.PlayCompleted, VoiceLoadMeasurements.RecognizeFailed,
    ];

    public static VoiceLoadRow From(
        VoiceLoadArguments arguments, IReadOnlyList<CallTrace> traces, IReadOnlyList<VoiceLoadOutcome> outcomes, int notEnded, int smsRepeats,
        IReadOnlyDictionary<string, int> lostAt, IReadOnlyList<double> botTurns, double seconds, double cpuMs, long peakWorkingSet)
    {
        var timings = traces.SelectMany(t => t.Timings).ToList();
        var answered = timings.Where(t => t.FromPostMs is not null).ToList();
        var overall = VoiceLoadLatency.Of("all", [.. answered.Select(t => t.FromPostMs!.Value)]);
        var byEvent = Kinds.Select(k => VoiceLoadLatency.Of(k, [.. answered.Where(t => t.Kind == k).Select(t => t.FromPostMs!.Value)])).Where(l => l.Count > 0).ToList();
        return new VoiceLoadRow(
            arguments.Provider, arguments.Nodes, traces.Count,
            outcomes.Count(o => o == VoiceLoadOutcome.Completed), outcomes.Count(o => o == VoiceLoadOutcome.NotAnswered), outcomes.Count(o => o == VoiceLoadOutcome.Lost), lostAt, notEnded,
            traces.Sum(t => t.DuplicatePlays), traces.Sum(t => t.Sms), traces.Sum(t => Math.Max(0, t.Sms - 1)), smsRepeats,
            timings.Count, traces.Sum(t => t.Unanswered),
            overall, VoiceLoadLatency.Of("all, from the acknowledgement", [.. answered.Where(t => t.FromAckMs is not null).Select(t => t.FromAckMs!.Value)]), byEvent,
            VoiceLoadLatency.Of("  of which the bot's turn (transcript)", botTurns),
            Target, overall.Count > 0 && overall.P99Ms <= Target, Math.Round(seconds, 1),
            traces.Count == 0 ? 0 : Math.Round(cpuMs / traces.Count, 1), Math.Round(peakWorkingSet / 1048576.0, 1));
    }
}
