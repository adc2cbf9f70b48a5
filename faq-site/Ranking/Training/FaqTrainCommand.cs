using System.Diagnostics;
using System.Text.Json;
using ConversationHub.Faq.Evaluation;
using ConversationHub.Faq.Ranking.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Faq.Ranking.Training;

/// <summary>
/// <c>faq train</c>: trains the FAQ re-ranker from a dataset in the localgovFAQ format. With <c>--folds k</c> it
/// runs query-level cross-validation and prints the <c>faq eval</c> figures of first-stage search and of the
/// re-ranked list per fold and averaged; with <c>--out</c> it trains on all queries and writes the model and its
/// card (<c>.md</c> beside the <c>.json</c>). The trainer is ML.NET's FastTree LambdaRank, five models averaged
/// (<see cref="FaqRankerTraining.Train(IReadOnlyList{CandidateQuery}, int, IProgress{string}?, CancellationToken)"/>).
/// </summary>
public static class FaqTrainCommand
{
    /// <summary>Exit code for a finished run.</summary>
    public const int Success = 0;

    /// <summary>Exit code for bad or missing arguments and unreadable input files.</summary>
    public const int UsageError = 2;

    private static readonly string[] DatasetFiles = ["corpus.json", "queries.json", "qrels.json"];

    /// <summary>Runs training.</summary>
    /// <param name="args">The arguments after <c>faq train</c> (see <c>TrainArguments.Usage</c>).</param>
    /// <param name="output">Where progress and results (or, on a usage error, the message and usage) are written.</param>
    /// <param name="cancellationToken">Stops between queries and between trained models.</param>
    /// <returns><see cref="Success"/> or <see cref="UsageError"/>.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var arguments = TrainArguments.TryParse(args, out var error);
        if (arguments is null)
            return await FailAsync(output, error!, cancellationToken);

        if (arguments.DatasetDirectory is null)
            return await FailAsync(output, "training from the platform's judgements runs inside the host: `dotnet run --project host -- faq train`.", cancellationToken);
        var directory = arguments.DatasetDirectory;
        var paths = DatasetFiles.Select(name => Path.Combine(directory, name)).ToArray();
        foreach (var path in paths)
        {
            if (!File.Exists(path))
                return await FailAsync(output, $"cannot read '{path}': no such file.", cancellationToken);
        }

        EvalDataset dataset;
        try
        {
            dataset = await LocalGovFaqLoader.LoadAsync(paths[0], paths[1], paths[2], cancellationToken);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return await FailAsync(output, $"cannot read the dataset: {e.Message}", cancellationToken);
        }

        if (dataset.Queries.Count < Math.Max(arguments.Folds, 2))
            return await FailAsync(output, $"the dataset has {dataset.Queries.Count} judged queries; training needs at least {Math.Max(arguments.Folds, 2)}.", cancellationToken);

        var report = new TrainReportWriter(output, arguments.Json);
        var started = Stopwatch.GetTimestamp();
        var queries = DatasetCandidates.Build(dataset, arguments.Candidates, NeutralFaqSignals.Instance, cancellationToken);
        report.Line(TrainReportWriter.Invariant(
            $"faq train: {dataset.Documents.Count} FAQs, {queries.Count} judged queries, first-stage top {arguments.Candidates}, {FaqFeatureNames.Count} features ({Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s to index and extract)"));

        IReadOnlyList<(RankedListMetrics FirstStage, RankedListMetrics Reranked)> folds = [];
        if (arguments.Folds >= 2)
        {
            folds = CrossValidation.Run(queries, arguments.Folds, arguments.Seed, arguments.JudgedSignals, report, cancellationToken);
        }

        if (arguments.OutPath is { } outPath)
            await WriteModelAsync(queries, arguments, folds, outPath, report, cancellationToken);

        report.Line(TrainReportWriter.Invariant($"total {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s"));
        return Success;
    }

    /// <summary>True when <paramref name="args"/> train from the platform's judgements (no <c>--from-dataset</c>).</summary>
    public static bool UsesPlatform(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return !args.Contains("--from-dataset", StringComparer.Ordinal);
    }

    /// <summary>
    /// Trains from a new snapshot of the stored judgements against the published FAQs, and promotes the model when
    /// it is not worse on the held-out judgements than the active one.
    /// </summary>
    /// <param name="services">The host's services (the FAQ database, hub events).</param>
    /// <param name="args">The arguments after <c>faq train</c>.</param>
    /// <param name="output">Progress and the outcome.</param>
    /// <param name="cancellationToken">Stops between trained models.</param>
    /// <returns><see cref="Success"/> (promoted or not), or <see cref="UsageError"/> for bad arguments or too few judgements.</returns>
    public static async Task<int> RunOnPlatformAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        var arguments = TrainArguments.TryParse(args, out var error);
        if (arguments is null)
            return await FailAsync(output, error!, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var use = ActivatorUtilities.CreateInstance<TrainFromJudgements>(scope.ServiceProvider);
        var request = new PlatformTrainRequest(arguments.Seed, arguments.Candidates, new TrainReportWriter(output, arguments.Json), null, History.RankingModelActor.TrainCommand);
        var result = await use.ExecuteAsync(request, cancellationToken);
        if (result.Error is not null)
        {
            await output.WriteLineAsync($"faq train: {result.Error}".AsMemory(), cancellationToken);
            return UsageError;
        }

        return Success;
    }

    private static async Task WriteModelAsync(
        List<CandidateQuery> queries,
        TrainArguments arguments,
        IReadOnlyList<(RankedListMetrics FirstStage, RankedListMetrics Reranked)> folds,
        string outPath,
        TrainReportWriter report,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        report.Line($"final model: all {queries.Count} queries");
        if (arguments.JudgedSignals)
            queries = FaqRankerTraining.WithSignals(queries, new JudgedQuerySignals(queries));
        var model = FaqRankerTraining.Train(queries, arguments.Seed, report.Progress("final"), cancellationToken);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var fullPath = Path.GetFullPath(outPath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        await FaqRankerModelSerializer.SaveAsync(model, fullPath, cancellationToken);
        var cardPath = Path.ChangeExtension(fullPath, ".md");
        await File.WriteAllTextAsync(cardPath, FaqModelCard.ToMarkdown(model, arguments, folds), cancellationToken);
        report.Model(fullPath, cardPath, model.TreeCount, seconds);
    }

    private static async Task<int> FailAsync(TextWriter output, string message, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync($"faq train: {message}".AsMemory(), cancellationToken);
        await output.WriteLineAsync(TrainArguments.Usage.AsMemory(), cancellationToken);
        return UsageError;
    }
}
