using System.Diagnostics;

namespace ConversationHub.Faq.Ranking.Training;

/// <summary>
/// Query-level k-fold cross-validation of the re-ranker. Each fold trains on the other folds only (early stopping
/// on a share of those), then ranks its own queries; first-stage search is fixed and never tuned here.
/// </summary>
internal static class CrossValidation
{
    public static IReadOnlyList<(RankedListMetrics FirstStage, RankedListMetrics Reranked)> Run(
        IReadOnlyList<CandidateQuery> queries, int foldCount, int seed, bool judgedSignals, TrainReportWriter report, CancellationToken cancellationToken)
    {
        var results = new List<(RankedListMetrics, RankedListMetrics)>(foldCount);
        foreach (var (fold, training, testing) in Folds(queries, foldCount, seed, judgedSignals))
        {
            var started = Stopwatch.GetTimestamp();
            report.Line(TrainReportWriter.Invariant($"fold {fold + 1}/{foldCount}: training on {training.Count} queries, testing on {testing.Count}"));
            var model = FaqRankerTraining.Train(training, seed, report.Progress($"fold {fold + 1}"), cancellationToken);
            report.Line(TrainReportWriter.Invariant(
                $"  fold {fold + 1}: kept {model.Trees.Count} of {model.Metadata.IterationsRun} trees, {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s"));

            var firstStage = RankedListMetrics.Compute(testing.Select(q => ((IReadOnlyList<string>)q.CandidateIds, q.Judgements)));
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
        return results;
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
