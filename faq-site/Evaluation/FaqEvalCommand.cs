using System.Text.Json;
using ConversationHub.Faq.Ranking;
using ConversationHub.Faq.Ranking.Reranking;

namespace ConversationHub.Faq.Evaluation;

/// <summary>
/// <c>faq eval</c>: indexes a localgovFAQ-format corpus in memory with our search and with the SQLite FTS5
/// trigram baseline, runs the judged queries through both, and prints nDCG@10, MRR@10, Recall@10, Hit@1/5
/// (grade 2), query latency p50/p99 and index build time per engine.
/// </summary>
public static class FaqEvalCommand
{
    /// <summary>Exit code for a finished evaluation.</summary>
    public const int Success = 0;

    /// <summary>Exit code for bad or missing arguments and unreadable input files.</summary>
    public const int UsageError = 2;

    /// <summary>Runs the evaluation.</summary>
    /// <param name="args">The arguments after <c>faq eval</c>: <c>--corpus --queries --qrels [--json] [--top 10]</c>.</param>
    /// <param name="output">Where the report (or, on a usage error, the message and usage) is written.</param>
    /// <param name="cancellationToken">Stops between queries.</param>
    /// <returns><see cref="Success"/> or <see cref="UsageError"/>.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);

        var arguments = EvalArguments.TryParse(args, out var error);
        if (arguments is null)
            return await FailAsync(output, error!, cancellationToken);

        foreach (var path in new[] { arguments.CorpusPath, arguments.QueriesPath, arguments.QrelsPath })
        {
            if (!File.Exists(path))
                return await FailAsync(output, $"cannot read '{path}': no such file.", cancellationToken);
        }

        EvalDataset dataset;
        try
        {
            dataset = await LocalGovFaqLoader.LoadAsync(
                arguments.CorpusPath, arguments.QueriesPath, arguments.QrelsPath, cancellationToken);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return await FailAsync(output, $"cannot read the evaluation data: {e.Message}", cancellationToken);
        }

        FaqRankerModel? model = null;
        if (arguments.ModelPath is { } modelPath)
        {
            try
            {
                model = FaqRankingModelFile.Load(modelPath);
            }
            catch (InvalidOperationException e)
            {
                return await FailAsync(output, e.Message.Replace(FaqRankingModelFile.Setting, "--model", StringComparison.Ordinal), cancellationToken);
            }
        }

        var engines = new List<Func<IRetrievalEngine>> { () => new HubRetrievalEngine(), () => new SqliteFts5Engine() };
        if (model is not null)
            engines.Insert(1, () => new RerankedRetrievalEngine(model, dataset.Queries));

        var reports = new List<EngineReport>();
        foreach (var create in engines)
        {
            using var engine = create();
            reports.Add(EvalRunner.Run(engine, dataset, arguments.Top, cancellationToken));
        }

        await EvalReportWriter.WriteAsync(output, dataset, arguments, reports, cancellationToken);
        return Success;
    }

    private static async Task<int> FailAsync(TextWriter output, string message, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync($"faq eval: {message}".AsMemory(), cancellationToken);
        await output.WriteLineAsync(EvalArguments.Usage.AsMemory(), cancellationToken);
        return UsageError;
    }
}
