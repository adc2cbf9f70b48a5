using System.Globalization;
using System.Text.Json;

namespace ConversationHub.Faq.Benchmark;

/// <summary>Prints a <see cref="BenchReport"/> as a table, or as JSON with <c>--json</c>.</summary>
internal static class BenchReportWriter
{
    private static readonly JsonSerializerOptions _json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static async Task WriteAsync(TextWriter output, BenchReport report, bool json, CancellationToken cancellationToken)
    {
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(report, _json).AsMemory(), cancellationToken);
            return;
        }

        var c = CultureInfo.InvariantCulture;
        string[] lines =
        [
            $"faq bench: {report.Faqs:N0} FAQs from {report.Source}; {report.Queries:N0} queries, {report.Prefixes:N0} prefixes, {report.Updates:N0} updates",
            "",
            "metric                      p50 / value     p99",
            "--------------------------  -------------  ----------",
            string.Format(c, "{0,-26}  {1,10:F1} ms", "full rebuild (cold)", report.RebuildColdMs),
            string.Format(c, "{0,-26}  {1,10:F1} ms", "full rebuild (fresh, best)", report.RebuildFreshMs),
            string.Format(c, "{0,-26}  {1,10:F1} ms", "full rebuild (warm, best)", report.RebuildWarmMs),
            string.Format(c, "{0,-26}  {1,10:F1} ms", "  of which: index only", report.IndexOnlyRebuildMs),
            string.Format(c, "{0,-26}  {1,10:F1} ms", "  of which: suggestions", report.SuggestionBuildMs),
            string.Format(c, "{0,-26}  {1,10:F2} ms  {2,7:F2} ms", "upsert one FAQ", report.UpsertP50Ms, report.UpsertP99Ms),
            string.Format(c, "{0,-26}  {1,10:F2} ms  {2,7:F2} ms", "  index only", report.IndexOnlyUpsertP50Ms, report.IndexOnlyUpsertP99Ms),
            string.Format(c, "{0,-26}  {1,10:F3} ms  {2,7:F3} ms", "query (top 10)", report.QueryP50Ms, report.QueryP99Ms),
            string.Format(c, "{0,-26}  {1,10:F3} ms  {2,7:F3} ms", "suggest (prefix)", report.SuggestP50Ms, report.SuggestP99Ms),
            string.Format(c, "{0,-26}  {1,10:F1} MB", "managed heap after build", report.ManagedHeapBytes / 1024.0 / 1024.0),
        ];
        foreach (var line in lines)
            await output.WriteLineAsync(line.AsMemory(), cancellationToken);
        if (report.Readings is { } readings)
        {
            var text = readings.Entries == 0
                ? $"reading lexicon: none at {readings.Path} (search runs without readings)"
                : string.Format(c, "reading lexicon: {0:N0} kanji words from {1}, loaded in {2:F0} ms, {3:F1} MB kept", readings.Entries, readings.Path, readings.LoadMs, readings.HeapBytes / 1024.0 / 1024.0);
            await output.WriteLineAsync(text.AsMemory(), cancellationToken);
        }
    }

    /// <summary>Prints the single-threaded stage breakdown of <c>--profile</c>.</summary>
    public static async Task WriteProfileAsync(TextWriter output, IReadOnlyList<(string Stage, double Milliseconds)> stages, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync("\nrebuild stages, one thread (CPU time):".AsMemory(), cancellationToken);
        foreach (var (stage, milliseconds) in stages)
            await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "{0,-26}  {1,10:F1} ms", stage, milliseconds).AsMemory(), cancellationToken);
    }
}
