using System.Diagnostics;
using System.Text;

namespace ConversationHub.Faq.Ranking.Training;

/// <summary>
/// Query-level k-fold cross-validation of the re-ranker. Each fold trains on the other folds only (early stopping
/// on a share of those), then ranks its own queries; first-stage search is fixed and never tuned here.
/// </summary>
internal static class CrossValidation
{
    // Each held-out query is scored this many times; its time is the median.
    private const int TimingRepeats = 5;

    public static IReadOnlyList<(RankedListMetrics FirstStage, RankedListMetrics Reranked)> Run(
        IReadOnlyList<CandidateQuery> queries, int foldCount, int seed, bool judgedSignals, TrainReportWriter report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var results = new List<(RankedListMetrics, RankedListMetrics)>(foldCount);
        var trainSeconds = new List<double>();
        var modelBytes = new List<long>();
        var trees = new List<int>();
        var microseconds = new List<double>();
        foreach (var (fold, training, testing) in Folds(queries, foldCount, seed, judgedSignals))
        {
            var started = Stopwatch.GetTimestamp();
            report.Line(TrainReportWriter.Invariant($"fold {fold + 1}/{foldCount}: training on {training.Count} queries, testing on {testing.Count}"));
            var model = FaqRankerTraining.Train(training, seed, report.Progress($"fold {fold + 1}"), cancellationToken);
            trainSeconds.Add(Stopwatch.GetElapsedTime(started).TotalSeconds);
            modelBytes.Add(Encoding.UTF8.GetByteCount(FaqRankerModelSerializer.Serialize(model)));
            trees.Add(model.TreeCount);
            report.Line(TrainReportWriter.Invariant($"  fold {fold + 1}: {model.TreeCount} trees, {trainSeconds[^1]:0.0} s"));

            var firstStage = RankedListMetrics.Compute(testing.Select(q => ((IReadOnlyList<string>)q.CandidateIds, q.Judgements)));
            TimeScoring(model, testing, microseconds);
            var reranked = RankedListMetrics.Compute(testing.Select(q =>
                ((IReadOnlyList<string>)(q.CandidateIds.Length == 0 ? q.CandidateIds : FaqRankerTraining.Rerank(model, q)), q.Judgements)));
            results.Add((firstStage, reranked));
        }

        report.ResultHeader();
        for (var fold = 0; fold < results.Count; fold++)
        {
            report.Result((fold + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "hub", results[fold].Item1);
            report.Result((fold + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "hub+ltr", results[fold].Item2);
        }

        report.Result("mean", "hub", RankedListMetrics.Average([.. results.Select(r => r.Item1)]));
        report.Result("mean", "hub+ltr", RankedListMetrics.Average([.. results.Select(r => r.Item2)]));
        report.Costs(trainSeconds.Average(), (long)modelBytes.Average(), (int)Math.Round(trees.Average()), Percentile(microseconds, 0.99));
        return results;
    }

    /// <summary>Adds, per held-out query with candidates, the median time to score its candidates as the query path does.</summary>
    private static void TimeScoring(FaqRankerModel model, List<CandidateQuery> testing, List<double> microseconds)
    {
        // One reused buffer, as the query path would hold per request; sized for the longest candidate list.
        var buffer = new float[testing.Count == 0 ? 0 : testing.Max(q => q.CandidateIds.Length)];
        if (testing.Count > 0)
            model.Score(testing[0].Features, buffer.AsSpan(0, testing[0].CandidateIds.Length)); // warm up (JIT)
        Span<double> repeats = stackalloc double[TimingRepeats];
        foreach (var query in testing.Where(q => q.CandidateIds.Length > 0))
        {
            var scores = buffer.AsSpan(0, query.CandidateIds.Length);
            for (var r = 0; r < repeats.Length; r++)
            {
                var started = Stopwatch.GetTimestamp();
                model.Score(query.Features, scores);
                repeats[r] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            }

            // The median of a few runs is the query's cost; one run alone mostly measures the scheduler on a busy machine.
            repeats.Sort();
            microseconds.Add(repeats[repeats.Length / 2]);
        }
    }

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
            return 0;
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    /// <summary>
    /// The training and test queries of each fold (0-based), with signal features computed from the training queries
    /// only when <paramref name="judgedSignals"/> is set. Every trainer compared on a dataset goes through this, so
    /// they all see the same folds and the same feature vectors.
    /// </summary>
    public static IEnumerable<(int Fold, List<CandidateQuery> Training, List<CandidateQuery> Testing)> Folds(
        IReadOnlyList<CandidateQuery> queries, int foldCount, int seed, bool judgedSignals)
    {
        var foldOf = AssignFolds(queries, foldCount, seed);
        for (var fold = 0; fold < foldCount; fold++)
        {
            var training = new List<CandidateQuery>();
            var testing = new List<CandidateQuery>();
            for (var q = 0; q < queries.Count; q++)
                (foldOf[q] == fold ? testing : training).Add(queries[q]);
            if (judgedSignals)
            {
                // Signals come from the training folds only; the test fold's judgements never reach a feature.
                var signals = new JudgedQuerySignals(training);
                training = FaqRankerTraining.WithSignals(training, signals);
                testing = FaqRankerTraining.WithSignals(testing, signals);
            }

            yield return (fold, training, testing);
        }
    }

    /// <summary>
    /// Folds by query id through <see cref="RankingDatasetSplit.AssignFolds"/>, over every judged query, including
    /// those with no candidates (which a ranking dataset cannot hold), so that each fold's metrics count them.
    /// </summary>
    public static int[] AssignFolds(IReadOnlyList<CandidateQuery> queries, int foldCount, int seed)
    {
        // The split reads only query ids; one placeholder row per query satisfies the dataset's shape.
        var builder = new RankingDatasetBuilder(["placeholder"]);
        foreach (var query in queries)
            builder.AddQuery(query.Id, [0f], [0]);
        return RankingDatasetSplit.AssignFolds(builder.Build(), foldCount, seed);
    }
}
