using System.Diagnostics;
using System.Globalization;
using ConversationHub.Core.Audit;
using ConversationHub.Handoff;
using ConversationHub.Handoff.Admin.Users;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Programs;
using ConversationHub.Handoff.Programs.Rosters;

namespace ConversationHub.Host.ProgramsBench;

/// <summary>
/// <c>programs roster bench [--households N] [--lookups L] [--provider sqlite|postgres --connection "…"]</c>: generates a
/// synthetic roster CSV (<see cref="SyntheticRoster"/>, 100,000 households by default), imports it through the real
/// import (validation, parallel encryption, bulk load, switch), imports it again (a new version replacing the first),
/// then times L look-ups by name + date of birth + postal code (nine in ten hit a member, head or child; one in ten
/// misses), each in its own scope as a request would, and a tenth as many audited look-ups. Targets (issue 19): an import
/// of 100,000 households within 30 s, a look-up within 5 ms.
/// </summary>
internal static class RosterBenchCommand
{
    private const double ImportTargetSeconds = 30;
    private const double LookupTargetMs = 5;

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var (households, lookups, provider, connection) = (100_000, 2000, "sqlite", (string?)null);
        var error = LoadVerbArguments.Read(args, (name, value) => name switch
        {
            "--households" => LoadVerbArguments.TryInt(value, 10, 2_000_000, out households),
            "--lookups" => LoadVerbArguments.TryInt(value, 10, 1_000_000, out lookups),
            "--provider" => (provider = value) is "sqlite" or "postgres",
            "--connection" => (connection = value) is not null,
            _ => false,
        }, out _) ?? LoadVerbArguments.CheckDatabase(provider, connection, 1);
        if (error is not null)
        {
            await Console.Error.WriteLineAsync("programs roster bench: " + error);
            return 2;
        }

        string[] hostArgs = connection is null ? ["--provider", provider] : ["--provider", provider, "--connection", connection];
        await using var host = await BenchHost.StartAsync(hostArgs, "roster-bench", b => b.AddHandoff(), cancellationToken);
        var program = await CreateProgramAsync(host.Services, cancellationToken);
        var generating = Stopwatch.StartNew();
        var (file, members) = SyntheticRoster.Generate(households, seed: 19);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"programs roster bench on {host.Provider} (.NET {Environment.Version}, {Environment.ProcessorCount} cores): {households:N0} households, {members.Count:N0} members, file {file.Length / 1024.0 / 1024:F1} MB generated in {generating.Elapsed.TotalSeconds:F1} s"));

        foreach (var name in new[] { "import (first version)", "import (new version replacing it)" })
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            await using var scope = host.Services.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<ImportRoster>().ImportAsync(program, file, "bench", cancellationToken);
            var seconds = watch.Elapsed.TotalSeconds;
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            if (!outcome.Done)
                throw new InvalidOperationException("The synthetic roster was refused: " + string.Join(" / ", outcome.Errors));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{name,-40} {seconds,8:F2} s  target {ImportTargetSeconds:F0} s  met {(seconds <= ImportTargetSeconds ? "yes" : "NO")}  (this process's CPU {cpu.TotalSeconds:F1} s; read and check {outcome.Phases!.Read.TotalSeconds:F1} s, encrypt {outcome.Phases.Encrypt.TotalSeconds:F1} s, write {outcome.Phases.Write.TotalSeconds:F1} s, switch {outcome.Phases.Switch.TotalSeconds:F1} s)"));
        }

        var random = new Random(5);
        var queries = Enumerable.Range(0, lookups).Select(i => i % 10 == 9
            ? members[random.Next(members.Count)] with { BirthDate = new DateOnly(1900, 1, 1) }
            : members[random.Next(members.Count)]).ToList();
        var actor = new StaffActor(Guid.NewGuid(), "bench", "127.0.0.1");
        // The imports' garbage is collected now, not during the look-ups: agents do not look up while a file is parsed here.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var lookupCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var (plain, found) = await TimeAsync(host.Services, queries, (lookup, query) => lookup.FindUnauditedAsync(program, query, cancellationToken));
        lookupCpu = Process.GetCurrentProcess().TotalProcessorTime - lookupCpu;
        var (audited, _) = await TimeAsync(host.Services, queries.Take(Math.Max(10, lookups / 10)).ToList(),
            (lookup, query) => lookup.FindAsync(program, query, actor, null, cancellationToken));
        var expected = queries.Count(q => q.BirthDate.Year != 1900);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"look-ups: {found:N0} found of {expected:N0} expected hits, {queries.Count - expected:N0} misses"));
        await WriteAsync(output, "look-up (hash, index seek, decrypt)", plain);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{"",-40} this process's CPU per look-up {lookupCpu.TotalMilliseconds / (plain.Count + 20):F2} ms (the database server's not included)"));
        await WriteAsync(output, "look-up with its audit entry", audited);
        // Figures taken on a shared machine read differently at a load of 20 than at 1: say which it was.
        if (File.Exists("/proc/loadavg"))
            await output.WriteLineAsync("load average (1, 5, 15 min): " + string.Join(" ", (await File.ReadAllTextAsync("/proc/loadavg", cancellationToken)).Split(' ').Take(3)));
        return found == expected ? 0 : 1;
    }

    private static async Task<ProgramDefinition> CreateProgramAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var program = new ProgramDefinition("rosterbench", "名簿ベンチ", today, today.AddMonths(6), today.AddMonths(9), DateTime.UtcNow);
        db.Programs.Add(program);
        await db.SaveChangesAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<ConfigureRosterLayout>()
            .SaveAsync(program, SyntheticRoster.Layout, new StaffActor(Guid.NewGuid(), "bench", null), cancellationToken);
        return program;
    }

    // The first 20 warm the JIT, EF Core's query cache and the database's pages, and are not counted.
    private static async Task<(List<double> Times, int Found)> TimeAsync(IServiceProvider services, List<RosterQuery> queries,
        Func<LookUpHousehold, RosterQuery, Task<IReadOnlyList<RosterHouseholdView>>> lookUp)
    {
        var times = new List<double>(queries.Count);
        var found = 0;
        for (var i = -20; i < queries.Count; i++)
        {
            var query = queries[Math.Max(0, i)];
            var watch = Stopwatch.StartNew();
            await using var scope = services.CreateAsyncScope();
            var result = await lookUp(scope.ServiceProvider.GetRequiredService<LookUpHousehold>(), query);
            if (i < 0)
                continue;
            times.Add(watch.Elapsed.TotalMilliseconds);
            found += result.Count > 0 ? 1 : 0;
        }

        times.Sort();
        return (times, found);
    }

    private static Task WriteAsync(TextWriter output, string name, List<double> times)
    {
        double Percentile(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * p) - 1)];
        var (median, p95, p99) = (times[times.Count / 2], Percentile(0.95), Percentile(0.99));
        return output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{name,-40} n={times.Count,6}  median {median,6:F2} ms  p95 {p95,6:F2} ms  p99 {p99,6:F2} ms  max {times[^1],6:F2} ms  target {LookupTargetMs:F0} ms  met {(p99 <= LookupTargetMs ? "yes" : "NO")}"));
    }
}
