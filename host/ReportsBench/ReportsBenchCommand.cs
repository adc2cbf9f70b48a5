using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using ConversationHub.Core.Calendar;
using ConversationHub.Faq;
using ConversationHub.Handoff;
using ConversationHub.Host.VoiceLoad;

namespace ConversationHub.Host.ReportsBench;

/// <summary>
/// <c>reports bench [--conversations N] [--runs R] [--http true|false] [--fold-batch B] [--json] [--provider sqlite|postgres
/// --connection "…"]</c>: fills a scratch database with a year of a large city's traffic (<see cref="CityTraffic"/>:
/// 500,000 conversations by default, 100,000 of them calls, 5 million messages, 50,000 cases and their contact events,
/// folded by the real roll-up), times every report in <see cref="BenchedReports"/>, and then, on a platform node started
/// on the same database, real HTTP GETs of the report pages as a signed-in supervisor. Targets (issue 18): a year's
/// monthly table within 2 s on PostgreSQL and 5 s on SQLite, a console page within 1 s.
/// </summary>
internal static class ReportsBenchCommand
{
    private const double PageTargetMs = 1000;
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (ReportsBenchOptions.Parse(args, out var error) is not { } options)
        {
            await Console.Error.WriteLineAsync("reports bench: " + error);
            return 2;
        }

        await using var host = await BenchHost.StartAsync(options.HostArguments, "reports-bench", b =>
        {
            b.AddHandoff();
            b.AddFaq();
        }, cancellationToken);
        var lastDay = DateOnly.FromDateTime(JapanTime.ToJapan(DateTimeOffset.UtcNow).DateTime).AddDays(-1);
        var year = new BenchYear(lastDay.AddDays(-364), lastDay, Guid.Empty);
        var fill = await CityFiller.FillAsync(host.Services, options, year.FirstDay, cancellationToken);
        year = year with { Department = fill.SomeDepartment };

        var reports = new List<BenchTiming>();
        foreach (var report in BenchedReports.All)
        {
            var target = report.YearTable ? (options.Provider == "postgres" ? 2000 : 5000) : (double?)null;
            reports.Add(await TimeAsync(report.Name, options.Runs, target, async () =>
            {
                await using var scope = host.Services.CreateAsyncScope();
                await report.BuildAsync(scope.ServiceProvider, year, cancellationToken);
                return null;
            }));
        }

        var pages = options.Http ? await TimePagesAsync(host, options, year, cancellationToken) : [];
        var result = new ReportsBenchResult(
            host.Provider, $".NET {Environment.Version}", Environment.ProcessorCount,
            new BenchScale(fill.Conversations, fill.Messages, options.Calls, fill.Cases, fill.ContactEvents, Iso(year.FirstDay), Iso(year.LastDay)),
            fill, reports, pages);
        await WriteAsync(output, result, options.Json, cancellationToken);
        return 0;
    }

    // A node with every module on the bench's database and keys, as Program.cs composes it; its start seeds the demo accounts.
    private static async Task<List<BenchTiming>> TimePagesAsync(BenchHost host, ReportsBenchOptions options, BenchYear year, CancellationToken cancellationToken)
    {
        var password = "Bench" + Guid.NewGuid().ToString("N")[..12] + "9a";
        var settings = host.Settings.Select(s => s.TrimStart('-').Split('=', 2)).ToDictionary(p => p[0], p => (string?)p[1], StringComparer.Ordinal);
        settings["DemoCity:Password"] = password;
        settings["DemoCity:LoadPostalCodes"] = "false";
        await using var node = await VoiceLoadNode.StartAsync(settings, null, cancellationToken);
        using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = node.BaseAddress,
            Timeout = TimeSpan.FromMinutes(2),
        };
        await ConsoleFormSignIn.SignInAsync(http, "supervisor", password, cancellationToken);
        string[] paths =
        [
            "/console/reports",
            $"/console/reports/monthly?month={year.LastDay.AddMonths(-1):yyyy-MM}",
            $"/console/reports/final?from={year.FirstDay:yyyy-MM}&to={year.LastDay:yyyy-MM}",
            "/console/reports/self-service",
            $"/console/reports/self-service?from={Iso(year.FirstDay)}&to={Iso(year.LastDay)}&per=month",
        ];
        var timings = new List<BenchTiming>();
        foreach (var path in paths)
        {
            timings.Add(await TimeAsync("GET " + path, options.Runs, PageTargetMs, async () =>
            {
                using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                return (int)response.StatusCode;
            }));
        }

        return timings;
    }

    // The first run warms EF Core's query cache, the JIT and the database's cache, and is not counted.
    private static async Task<BenchTiming> TimeAsync(string name, int runs, double? targetMs, Func<Task<int?>> run)
    {
        var status = await run();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            status = await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return new BenchTiming(name, runs, Math.Round(times[times.Count / 2], 1), Math.Round(times[^1], 1), targetMs, status);
    }

    private static async Task WriteAsync(TextWriter output, ReportsBenchResult result, bool json, CancellationToken cancellationToken)
    {
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(result, Json).AsMemory(), cancellationToken);
            return;
        }

        var f = result.Fill;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"reports bench on {result.Provider} ({result.Runtime}, {result.Cores} cores): {result.Scale.Conversations:N0} conversations ({result.Scale.Calls:N0} calls), {result.Scale.Messages:N0} messages, {result.Scale.Cases:N0} cases, {result.Scale.ContactEvents:N0} contact events, {result.Scale.FirstDay} to {result.Scale.LastDay}"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"fill: cases {f.CasesSeconds:F1} s, bulk insert {f.BulkInsertSeconds:F1} s, roll-up fold of {f.FoldedEvents:N0} events {f.FoldSeconds:F1} s"));
        await output.WriteLineAsync($"{"report or page",-72} {"median ms",10} {"max ms",10} {"target",8}  met");
        foreach (var t in result.Reports.Concat(result.Pages))
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{t.Name,-72} {t.MedianMs,10:F1} {t.MaxMs,10:F1} {(t.TargetMs is { } target ? target.ToString("F0", CultureInfo.InvariantCulture) : ""),8}  {(t.Met is { } met ? (met ? "yes" : "NO") : "")}{(t.Status is { } s and not 200 ? $" (HTTP {s})" : "")}"));
        }
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
