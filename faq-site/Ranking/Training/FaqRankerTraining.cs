using ConversationHub.Faq.Ranking.Features;

namespace ConversationHub.Faq.Ranking.Training;

/// <summary>Trains the FAQ re-ranker from candidate queries and applies a model to one query's candidates.</summary>
internal static class FaqRankerTraining
{
    /// <summary>Share of the training queries held out to pick the number of trees (early stopping).</summary>
    public const double EarlyStoppingFraction = 0.15;

    /// <summary>
    /// Chosen by 5-fold cross-validation on the dev split as a whole (never per fold). The figures hardly move
    /// (nDCG@10 0.575–0.584 over learning rate 0.02–0.1, 7–31 leaves, 30–100 rows per leaf, feature fraction
    /// 0.5–0.8); early stopping on held-out training queries does the real regularising.
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

    /// <summary>Trains on <paramref name="queries"/>, holding out <see cref="EarlyStoppingFraction"/> of them for early stopping.</summary>
    public static LambdaMartModel Train(
        IReadOnlyList<CandidateQuery> queries, int seed, IProgress<LambdaMartProgress>? progress, CancellationToken cancellationToken)
    {
        var all = ToDataset(queries);
        var split = RankingDatasetSplit.TrainValidation(all, EarlyStoppingFraction, seed);
        return new LambdaMartTrainer().Train(split.Training, split.Validation, Parameters(seed), progress, cancellationToken);
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
