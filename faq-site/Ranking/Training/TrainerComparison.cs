using System.Diagnostics;
using System.Text;
using ConversationHub.Faq.Ranking.MlNet;

namespace ConversationHub.Faq.Ranking.Training;

/// <summary>
/// <c>faq train --from-dataset … --folds k --trainer all</c>: the hand-written LambdaMART and ML.NET's LambdaRank
/// trainers (LightGBM, FastTree) on the same folds and the same feature vectors (<see cref="CrossValidation.Folds"/>).
/// Each trainer sees only a fold's training queries; the ML.NET trainers stop on their own 1/5 of those (as each
/// member of ours does), never on the fold's test queries. Per trainer it reports the held-out <c>faq eval</c>
/// figures, training time per fold, model size, and the 99th percentile over held-out queries of the (median of five)
/// time to score one query's candidates on the query path.
/// </summary>
internal static class TrainerComparison
{
    public const string Ours = "ours";
    public const string LightGbm = "lightgbm";
    public const string FastTree = "fasttree";
    public const string LightGbmAveraged = "lightgbm-avg5";
    public const string FastTreeAveraged = "fasttree-avg5";

    /// <summary>
    /// The trainers in the order they are run and printed. The <c>-avg5</c> ones train and average
    /// <see cref="FaqRankerTraining.EnsembleSize"/> ML.NET models exactly as ours averages its members; the plain ones
    /// train one model, stopping on 1/<see cref="FaqRankerTraining.EnsembleSize"/> of the training queries.
    /// </summary>
    public static readonly IReadOnlyList<string> AllTrainers = [Ours, LightGbm, FastTree, LightGbmAveraged, FastTreeAveraged];

    private const double ValidationShare = 1.0 / FaqRankerTraining.EnsembleSize;

    // Each held-out query is scored this many times; its time is the median.
    private const int TimingRepeats = 5;

    /// <summary>Scores one query's candidates (row-major features) into <c>scores</c>.</summary>
    private delegate void QueryScorer(ReadOnlySpan<float> features, Span<float> scores);

    public static IReadOnlyList<TrainerComparisonRow> Run(
        IReadOnlyList<CandidateQuery> queries,
        int foldCount,
        int seed,
        bool judgedSignals,
        IReadOnlyList<string> trainers,
        TrainReportWriter report,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trainers);
        ArgumentNullException.ThrowIfNull(report);
        var perTrainer = trainers.ToDictionary(t => t, _ => new TrainerFolds(), StringComparer.Ordinal);
        var firstStage = new List<RankedListMetrics>();
        foreach (var (fold, training, testing) in CrossValidation.Folds(queries, foldCount, seed, judgedSignals))
        {
            report.Line(TrainReportWriter.Invariant($"fold {fold + 1}/{foldCount}: training on {training.Count} queries, testing on {testing.Count}"));
            firstStage.Add(RankedListMetrics.Compute(testing.Select(q => ((IReadOnlyList<string>)q.CandidateIds, q.Judgements))));
            foreach (var trainer in trainers)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var started = Stopwatch.GetTimestamp();
                var (scorer, modelBytes, trees) = Train(trainer, training, seed, cancellationToken);
                var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                var folds = perTrainer[trainer];
                folds.Metrics.Add(Evaluate(scorer, testing, folds.QueryMicroseconds));
                folds.TrainSeconds.Add(seconds);
                folds.ModelBytes.Add(modelBytes);
                report.Line(TrainReportWriter.Invariant($"  fold {fold + 1} {trainer}: {trees} trees, {seconds:0.0} s, model {modelBytes / 1024.0:0.0} KB"));
            }
        }

        report.ResultHeader();
        for (var fold = 0; fold < firstStage.Count; fold++)
        {
            var name = (fold + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            report.Result(name, "hub", firstStage[fold]);
            foreach (var trainer in trainers)
                report.Result(name, trainer, perTrainer[trainer].Metrics[fold]);
        }

        var rows = new List<TrainerComparisonRow>
        {
            new("first-stage", RankedListMetrics.Average(firstStage), 0, 0, 0),
        };
        foreach (var trainer in trainers)
        {
            var folds = perTrainer[trainer];
            rows.Add(new TrainerComparisonRow(
                trainer,
                RankedListMetrics.Average(folds.Metrics),
                Math.Round(folds.TrainSeconds.Average(), 2),
                (long)folds.ModelBytes.Average(),
                Math.Round(Percentile(folds.QueryMicroseconds, 0.99), 1)));
        }

        report.Comparison(foldCount, seed, rows);
        return rows;
    }

    private static RankedListMetrics Evaluate(QueryScorer scorer, List<CandidateQuery> testing, List<double> microseconds)
    {
        // One reused buffer, as the query path would hold per request; sized for the longest candidate list.
        var buffer = new float[testing.Count == 0 ? 0 : testing.Max(q => q.CandidateIds.Length)];
        if (testing.Count > 0)
            scorer(testing[0].Features, buffer.AsSpan(0, testing[0].CandidateIds.Length)); // warm up (JIT)
        var lists = new List<(IReadOnlyList<string>, IReadOnlyDictionary<string, int>)>(testing.Count);
        Span<double> repeats = stackalloc double[TimingRepeats];
        foreach (var query in testing)
        {
            var scores = buffer.AsSpan(0, query.CandidateIds.Length);
            for (var r = 0; r < repeats.Length; r++)
            {
                var started = Stopwatch.GetTimestamp();
                scorer(query.Features, scores);
                repeats[r] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            }

            // The median of a few runs is the query's cost; one run alone mostly measures the scheduler on a busy machine.
            repeats.Sort();
            if (query.CandidateIds.Length > 0)
                microseconds.Add(repeats[repeats.Length / 2]);
            lists.Add((Order(query, scores.ToArray()), query.Judgements));
        }

        return RankedListMetrics.Compute(lists);
    }

    private static (QueryScorer Scorer, long ModelBytes, int Trees) Train(
        string trainer, List<CandidateQuery> training, int seed, CancellationToken cancellationToken)
    {
        if (trainer == Ours)
        {
            var model = FaqRankerTraining.Train(training, seed, progress: null, cancellationToken);
            var bytes = Encoding.UTF8.GetByteCount(LambdaMartModelSerializer.Serialize(model));
            return (model.Score, bytes, model.Trees.Count);
        }

        var kind = trainer switch
        {
            LightGbm or LightGbmAveraged => MlNetTrainerKind.LightGbm,
            FastTree or FastTreeAveraged => MlNetTrainerKind.FastTree,
            _ => throw new ArgumentException($"Unknown trainer '{trainer}'.", nameof(trainer)),
        };
        if (trainer is LightGbmAveraged or FastTreeAveraged)
        {
            var average = TrainMlNetAverage(kind, training, seed, cancellationToken);
            return (average.Score, average.SavedSize(), average.TreeCount);
        }

        var mlModel = TrainMlNet(kind, training, seed, cancellationToken);
        return (mlModel.Score, mlModel.SavedSize(), mlModel.Trees.TreeCount);
    }

    /// <summary>
    /// <see cref="FaqRankerTraining.EnsembleSize"/> ML.NET rankers, each stopping on a different share of
    /// <paramref name="training"/>, averaged — the protocol of <see cref="FaqRankerTraining.Train"/>.
    /// </summary>
    internal static MlNetRankerAverage TrainMlNetAverage(
        MlNetTrainerKind kind, IReadOnlyList<CandidateQuery> training, int seed, CancellationToken cancellationToken)
    {
        var all = FaqRankerTraining.ToDataset(training);
        if (all.QueryCount < FaqRankerTraining.EnsembleSize * 2)
            return new MlNetRankerAverage([TrainMlNet(kind, training, seed, cancellationToken)]);
        var trainer = new MlNetRankerTrainer(kind, new MlNetRankerParameters { Seed = seed });
        return new MlNetRankerAverage([.. RankingDatasetSplit.KFold(all, FaqRankerTraining.EnsembleSize, seed)
            .Select(fold => trainer.Train(fold.Training, fold.Validation, cancellationToken))]);
    }

    /// <summary>Trains an ML.NET ranker on <paramref name="training"/>, stopping on its own share of those queries.</summary>
    internal static MlNetRankingModel TrainMlNet(MlNetTrainerKind kind, IReadOnlyList<CandidateQuery> training, int seed, CancellationToken cancellationToken)
    {
        var all = FaqRankerTraining.ToDataset(training);
        var split = RankingDatasetSplit.TrainValidation(all, ValidationShare, seed);
        return new MlNetRankerTrainer(kind, new MlNetRankerParameters { Seed = seed }).Train(split.Training, split.Validation, cancellationToken);
    }

    private static string[] Order(CandidateQuery query, float[] scores)
    {
        var wide = new double[scores.Length];
        for (var i = 0; i < wide.Length; i++)
            wide[i] = scores[i];
        var order = new int[wide.Length];
        RankingMetrics.RankOrder(wide, order);
        var ids = new string[order.Length];
        for (var i = 0; i < ids.Length; i++)
            ids[i] = query.CandidateIds[order[i]];
        return ids;
    }

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
            return 0;
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    private sealed class TrainerFolds
    {
        public List<RankedListMetrics> Metrics { get; } = [];

        public List<double> TrainSeconds { get; } = [];

        public List<long> ModelBytes { get; } = [];

        public List<double> QueryMicroseconds { get; } = [];
    }
}
