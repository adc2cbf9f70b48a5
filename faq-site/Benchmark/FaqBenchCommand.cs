using System.Text.Json;

namespace ConversationHub.Faq.Benchmark;

/// <summary>
/// <c>faq bench</c>: builds an index of many FAQs (a localgovFAQ-format corpus replicated with per-copy variation, or
/// synthesised city-hall questions) in the production search service and prints the full rebuild time, one FAQ's
/// upsert p50/p99, query p50/p99 and suggestion p50/p99. Measure a Release build.
/// </summary>
public static class FaqBenchCommand
{
    /// <summary>Exit code for a finished benchmark.</summary>
    public const int Success = 0;

    /// <summary>Exit code for bad or missing arguments and unreadable input files.</summary>
    public const int UsageError = 2;

    /// <summary>Runs the benchmark.</summary>
    /// <param name="args">The arguments after <c>faq bench</c>: <c>[--corpus] [--queries] [--count 10000] [--updates 200] [--json] [--profile]</c>.</param>
    /// <param name="output">Where the report (or, on a usage error, the message and usage) is written.</param>
    /// <param name="cancellationToken">Stops between measurements.</param>
    /// <returns><see cref="Success"/> or <see cref="UsageError"/>.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);

        var arguments = BenchArguments.TryParse(args, out var error);
        if (arguments is null)
            return await FailAsync(output, error!, cancellationToken);
        foreach (var path in new[] { arguments.CorpusPath, arguments.QueriesPath }.OfType<string>())
        {
            if (!File.Exists(path))
                return await FailAsync(output, $"cannot read '{path}': no such file.", cancellationToken);
        }

        try
        {
            var documents = await BenchCorpus.LoadAsync(arguments.CorpusPath, arguments.Count, cancellationToken);
            var queries = arguments.QueriesPath is null
                ? BenchCorpus.DefaultQueries(documents)
                : await ReadQueriesAsync(arguments.QueriesPath, cancellationToken);
            var source = arguments.CorpusPath is null ? "synthetic questions" : Path.GetFileName(arguments.CorpusPath);
            var report = BenchRunner.Run(source, documents, queries, arguments.Updates, cancellationToken);
            await BenchReportWriter.WriteAsync(output, report, arguments.Json, cancellationToken);
            if (arguments.Profile)
                await BenchReportWriter.WriteProfileAsync(output, BenchAnalysisProfile.Run(documents), cancellationToken);
            return Success;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return await FailAsync(output, $"cannot read the benchmark data: {e.Message}", cancellationToken);
        }
    }

    /// <summary>The questions of a localgovFAQ-format <c>queries.json</c> (<c>{"id": "question", …}</c>); also read by <c>bot load</c>.</summary>
    internal static async Task<IReadOnlyList<string>> ReadQueriesAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        var queries = await JsonSerializer.DeserializeAsync<Dictionary<string, string>>(stream, cancellationToken: cancellationToken)
            ?? throw new InvalidDataException($"{path} holds JSON null.");
        return [.. queries.Values.Where(q => !string.IsNullOrWhiteSpace(q))];
    }

    private static async Task<int> FailAsync(TextWriter output, string message, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync($"faq bench: {message}".AsMemory(), cancellationToken);
        await output.WriteLineAsync(BenchArguments.Usage.AsMemory(), cancellationToken);
        return UsageError;
    }
}
