using ConversationHub.Faq.Ranking.Features;

namespace ConversationHub.Faq.Ranking.Training;

/// <summary>Trains the FAQ re-ranker from candidate queries and applies a model to one query's candidates.</summary>
internal static class FaqRankerTraining
{
    /// <summary>Models averaged per training run, each early-stopped on its own share of the training queries.</summary>
    public const int EnsembleSize = 5;

    /// <summary>
    /// Chosen by 5-fold cross-validation on the dev split as a whole (never per fold). The figures hardly move
    /// (nDCG@10 0.575–0.584 over learning rate 0.02–0.1, 7–31 leaves, 30–100 rows per leaf, feature fraction
    /// 0.5–0.8, measured with an earlier feature set and first stage); early stopping on held-out
    /// training queries does the real regularising, and averaging (<see cref="EnsembleSize"/>) took most of the
    /// noise out of it (0.5949 → 0.6007 with the same features).
    /// </summary>
    public static LambdaMartParameters Parameters(int seed) => new()
    {
        TreeCount = 500,
        LearningRate = 0.1,
        MaxLeaves = 15,
        MaxDepth = 6,
        MinLeafRows = 30,
        FeatureFraction = 0.8,
        EarlyStoppingRounds = 50,
        Seed = seed,
    };

    /// <summary>Copies of <paramref name="queries"/> whose signal features come from <paramref name="signals"/>.</summary>
    public static List<CandidateQuery> WithSignals(IEnumerable<CandidateQuery> queries, IFaqSignals signals)
    {
        var result = new List<CandidateQuery>();
        foreach (var query in queries)
        {
            var features = (float[])query.Features.Clone();
            for (var i = 0; i < query.CandidateIds.Length; i++)
            {
                var row = features.AsSpan(i * FaqFeatureNames.Count, FaqFeatureNames.Count);
                FaqFeatureExtractor.WriteSignals(row, signals.Get(query.FoldedText, query.CandidateIds[i]));
            }

            result.Add(query with { Features = features });
        }

        return result;
    }

    public static RankingDataset ToDataset(IEnumerable<CandidateQuery> queries)
    {
        var builder = new RankingDatasetBuilder(FaqFeatureNames.All);
        foreach (var query in queries)
        {
            // A query the first stage found nothing for has nothing to re-rank; metrics still count it.
            if (query.CandidateIds.Length > 0)
                builder.AddQuery(query.Id, query.Features, query.Labels);
        }

        return builder.Build();
    }

    /// <summary>
    /// Trains <see cref="EnsembleSize"/> models on <paramref name="queries"/>, each holding out a different
    /// 1/<see cref="EnsembleSize"/> of them for early stopping, and averages them into one model (their trees, leaf
    /// values divided by the count). Why: with a few hundred queries the round early stopping picks from one small
    /// held-out share is noisy; averaging over disjoint shares removes most of that noise, and every query trains
    /// all but one member.
    /// </summary>
    public static LambdaMartModel Train(
        IReadOnlyList<CandidateQuery> queries, int seed, IProgress<LambdaMartProgress>? progress, CancellationToken cancellationToken)
    {
        var all = ToDataset(queries);
        if (all.QueryCount < EnsembleSize * 2)
        {
            // Too few queries to hold out a share per member: one model, early stopping on one share.
            var split = RankingDatasetSplit.TrainValidation(all, 1.0 / EnsembleSize, seed);
            return new LambdaMartTrainer().Train(split.Training, split.Validation, Parameters(seed), progress, cancellationToken);
        }

        var members = RankingDatasetSplit.KFold(all, EnsembleSize, seed)
            .Select(fold => new LambdaMartTrainer().Train(fold.Training, fold.Validation, Parameters(seed), progress, cancellationToken))
            .ToList();
        return ModelAverage.Of(members, all);
    }

    /// <summary>The query's candidate ids in the model's order (ties keep first-stage order).</summary>
    public static string[] Rerank(LambdaMartModel model, CandidateQuery query)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(query);
        var count = query.CandidateIds.Length;
        var scores = new float[count];
        model.Score(query.Features, scores);
        var wide = new double[count];
        for (var i = 0; i < count; i++)
            wide[i] = scores[i];
        var order = new int[count];
        RankingMetrics.RankOrder(wide, order);
        var ids = new string[count];
        for (var i = 0; i < count; i++)
            ids[i] = query.CandidateIds[order[i]];
        return ids;
    }
}
