using System.Diagnostics;
using System.Globalization;
using ConversationHub.Core;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff;
using ConversationHub.Handoff.Postal;
using ConversationHub.Handoff.Resources;
using ConversationHub.Host.DemoCity;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Host.Postal;

/// <summary>
/// <c>postal import &lt;file&gt; [--dry-run]</c>: loads a KEN_ALL file into the configured database (running nodes on
/// PostgreSQL reload at once; a SQLite node at its next start). <c>postal bench [--file &lt;file&gt;] [--lookups N]</c>:
/// parse, index build time, index memory and lookup latency over the demo package or a given file; no database.
/// </summary>
internal static class PostalCommand
{
    public static async Task<int> ImportAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var dryRun = args.Contains("--dry-run", StringComparer.Ordinal);
        var files = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (files.Count != 1 || !File.Exists(files[0]))
        {
            await output.WriteLineAsync("usage: postal import <KEN_ALL file: utf_ken_all.csv, KEN_ALL.CSV or Japan Post's zip> [--dry-run]");
            return 2;
        }

        var path = Path.GetFullPath(files[0]);
        var builder = HostSetup.CreateBuilder([]);
        builder.AddCore();
        builder.AddHandoff();
        await using var app = builder.Build();
        foreach (var context in app.Services.GetServices<IMigratableContext>())
        {
            await context.MigrateAsync(app.Services, cancellationToken);
        }

        await using var scope = app.Services.CreateAsyncScope();
        var strings = scope.ServiceProvider.GetRequiredService<IStringLocalizer<HandoffStrings>>();
        var result = await scope.ServiceProvider.GetRequiredService<ImportPostalDataset>()
            .ImportAsync(await File.ReadAllBytesAsync(path, cancellationToken), path, "cli", dryRun ? PostalImportMode.DryRun : PostalImportMode.Replace, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{(result.Stored ? "stored" : dryRun ? "dry run, nothing stored" : "NOT stored")}: {result.Format}, {result.Lines} lines, {result.Entries} entries, {result.Codes} codes, {result.MalformedCount} malformed lines, sha256 {result.Sha256}"));
        foreach (var error in result.Malformed)
        {
            await output.WriteLineAsync("  " + PostalMessages.Of(strings, error));
        }

        return result.Entries > 0 ? 0 : 1;
    }

    public static async Task<int> BenchAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var file = BenchHost.Option(args, "--file");
        var lookups = int.Parse(BenchHost.Option(args, "--lookups") ?? "1000000", CultureInfo.InvariantCulture);
        var bytes = file is null ? await DemoPostalCodes.ReadEmbeddedAsync(cancellationToken) : await File.ReadAllBytesAsync(file, cancellationToken);
        var w = output;
        await w.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"source: {file ?? DemoPostalCodes.ResourceName} ({bytes.Length / 1024.0 / 1024.0:F1} MB), .NET {Environment.Version}, {Environment.ProcessorCount} cores"));

        var started = Stopwatch.GetTimestamp();
        var parsed = PostalFileReader.Read(bytes, 10);
        await w.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"parse:        {Stopwatch.GetElapsedTime(started).TotalMilliseconds,8:F0} ms  {parsed.Format}: {parsed.Lines} lines, {parsed.Entries.Count} entries, {parsed.CodeCount} codes, {parsed.MalformedCount} malformed"));

        started = Stopwatch.GetTimestamp();
        var stored = PostalDatasetCodec.Encode(parsed.Entries);
        await w.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"encode:       {Stopwatch.GetElapsedTime(started).TotalMilliseconds,8:F0} ms  stored form {stored.Length / 1024.0 / 1024.0:F2} MB (gzip)"));
        var codes = parsed.Entries.Select(e => e.Code).Distinct(StringComparer.Ordinal).ToArray();
        parsed = null;
        bytes = null;

        // What a node does on start or on another node's change: decode the stored form and build the index.
        var before = GC.GetTotalMemory(forceFullCollection: true);
        started = Stopwatch.GetTimestamp();
        var decoded = PostalDatasetCodec.Decode(stored);
        var decodeTime = Stopwatch.GetElapsedTime(started);
        var index = PostalIndex.Build(decoded);
        var loadTime = Stopwatch.GetElapsedTime(started);
        decoded = null;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        await w.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"load:         {loadTime.TotalMilliseconds,8:F0} ms  (decode {decodeTime.TotalMilliseconds:F0} ms + build {(loadTime - decodeTime).TotalMilliseconds:F0} ms); index {index.CodeCount} codes, {index.EntryCount} entries, {(after - before) / 1024.0 / 1024.0:F1} MB managed heap"));

        var directory = new PostalCodeDirectory();
        directory.Publish(index, new PostalDatasetInfo("bench", "bench", "", index.EntryCount, index.CodeCount, 0, DateTime.UtcNow, "bench"), loadTime);
        // Inputs as people type them (plain, hyphenated, full-width with 〒), 1 in 10 an unknown code; made before timing.
        var random = new Random(20261206);
        var inputs = new string[Math.Min(lookups, 1 << 20)];
        for (var i = 0; i < inputs.Length; i++)
        {
            var code = random.Next(10) == 0 ? random.Next(10_000_000).ToString("D7", CultureInfo.InvariantCulture) : codes[random.Next(codes.Length)];
            inputs[i] = (i % 3) switch
            {
                0 => code,
                1 => $"{code[..3]}-{code[3..]}",
                _ => "〒" + string.Concat(code.Select(c => (char)(c - '0' + '０'))).Insert(3, "－"),
            };
        }

        for (var i = 0; i < 20_000; i++)
        {
            directory.Find(inputs[i % inputs.Length]);
        }

        var ticks = new long[lookups];
        var found = 0;
        var total = Stopwatch.GetTimestamp();
        for (var i = 0; i < lookups; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            found += directory.Find(inputs[i % inputs.Length]).Count > 0 ? 1 : 0;
            ticks[i] = Stopwatch.GetTimestamp() - t0;
        }

        var elapsed = Stopwatch.GetElapsedTime(total);
        Array.Sort(ticks);
        static double Micro(long t) => t * 1_000_000.0 / Stopwatch.Frequency;
        await w.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"lookups:      {lookups} ({found} found) in {elapsed.TotalMilliseconds:F0} ms; p50 {Micro(ticks[lookups / 2]):F2} µs, p99 {Micro(ticks[(int)(lookups * 0.99)]):F2} µs, p99.9 {Micro(ticks[(int)(lookups * 0.999)]):F2} µs, max {Micro(ticks[^1]):F1} µs (target ≤ 1000 µs)"));
        GC.KeepAlive(index);
        return ticks[(int)(lookups * 0.99)] <= Stopwatch.Frequency / 1000 ? 0 : 1;
    }

}
