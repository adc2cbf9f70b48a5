using ConversationHub.Faq.Ranking.Features;
using ConversationHub.Faq.Ranking.MlNet;

namespace ConversationHub.Faq.Ranking.Training;

/// <summary>Trains the FAQ re-ranker from candidate queries and applies a model to one query's candidates.</summary>
internal static class FaqRankerTraining
{
    /// <summary>Models averaged per training run, each early-stopped on its own share of the training queries.</summary>
    public const int EnsembleSize = 5;

    /// <summary>
    /// The FastTree settings, chosen by 5-fold cross-validation on the dev split as a whole (never per fold). Trees,
    /// learning rate, leaves, leaf size and feature fraction are the hand-written trainer's, which FastTree averaged
    /// over <see cref="EnsembleSize"/> models matched (issue 17); a learning rate of 0.05, 31 leaves or 50 rows per
    /// leaf did no better. Pruning picks each member's best round by validation NDCG@3 instead of FastTree's default
    /// NDCG@1, which on about 95 early-stopping queries is noisy (some members stopped after 2 trees); that
    /// gained 0.003 to 0.004 nDCG@10 with and without confirmed-answer candidates.
    /// Early stopping on held-out training queries does the real regularising, and averaging takes most of the noise
    /// out of where one small held-out share stops.
    /// The trees under-use the nearest past queries' vote: adding half of it to their standardised score gained 0.007
    /// to 0.008 nDCG@10 on each of seeds 1 to 3 (weights 0.5 and 0.8 did as well as each other on the 3-seed mean;
    /// 0.3 and 1.0 less; the first-stage score's z instead lost). On seed 1 these did no better than 0.6269 without
    /// the vote: 1,000 trees (0.6263), 300 trees unpruned (0.6268; members on all training queries 0.6261), 7
    /// leaves (0.6239), LambdaRank truncated at 10 (0.6249).
    /// </summary>
    public static MlNetRankerParameters Parameters(int seed) => new()
    {
        TreeCount = 500,
        LearningRate = 0.1,
        MaxLeaves = 15,
        MinLeafRows = 30,
        FeatureFraction = 0.8,
        EarlyStoppingNdcgAt = 3,
        NeighbourVoteWeight = 0.5,
        Seed = seed,
    };

    /// <summary>
    /// Copies of <paramref name="queries"/> whose signal features come from <paramref name="signals"/>. A query that
    /// kept its first-stage result also gets the FAQs confirmed for its nearest judged queries as candidates, as
    /// <see cref="Reranking.FaqReranker"/> adds them, and all its features computed again; otherwise only the signal
    /// columns (and the listwise features that read them) are rewritten.
    /// </summary>
    public static List<CandidateQuery> WithSignals(IEnumerable<CandidateQuery> queries, IFaqSignals signals)
    {
        var extractor = new FaqFeatureExtractor(signals);
        var result = new List<CandidateQuery>();
        foreach (var query in queries)
        {
            if (query.FirstStage is { } firstStage)
            {
                var candidates = firstStage.Append(signals.NearestConfirmedFaqs(query.FoldedText, Reranking.FaqReranker.ConfirmedCandidateCount));
                result.Add(DatasetCandidates.Extract(query.Id, query.Judgements, candidates, extractor));
                continue;
            }

            var features = (float[])query.Features.Clone();
            for (var i = 0; i < query.CandidateIds.Length; i++)
            {
                var row = features.AsSpan(i * FaqFeatureNames.Count, FaqFeatureNames.Count);
                FaqFeatureExtractor.WriteSignals(row, signals.Get(query.FoldedText, query.CandidateIds[i]));
            }

            // Some listwise features read signal columns.
            ListwiseFeatures.Write(features, query.CandidateIds.Length);
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
    /// Trains <see cref="EnsembleSize"/> FastTree models on <paramref name="queries"/>, each holding out a different
    /// 1/<see cref="EnsembleSize"/> of them for early stopping (pruning), and averages them into one flat ensemble.
    /// Why: with a few hundred queries the round early stopping picks from one small held-out share is noisy;
    /// averaging over disjoint shares removes most of that noise, and every query trains all but one member.
    /// </summary>
    /// <param name="progress">Told one line per trained member (trees, nDCG on its share), in order.</param>
    public static FaqRankerModel Train(
        IReadOnlyList<CandidateQuery> queries, int seed, IProgress<string>? progress, CancellationToken cancellationToken) =>
        Train(queries, seed, TimeProvider.System, TrainedMember.Lines(progress), cancellationToken);

    /// <inheritdoc cref="Train(IReadOnlyList{CandidateQuery}, int, IProgress{string}?, CancellationToken)"/>
    /// <param name="progress">Told each trained member as figures, in order (the retraining console shows them while it trains).</param>
    public static FaqRankerModel Train(
        IReadOnlyList<CandidateQuery> queries, int seed, TimeProvider time, IProgress<TrainedMember>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        var all = ToDataset(queries);
        if (all.QueryCount < 2)
            throw new ArgumentException($"Training needs at least 2 queries with candidates; there are {all.QueryCount}.", nameof(queries));
        // Too few queries to hold out a share per member: one model, early stopping on one share.
        IReadOnlyList<RankingDatasetFold> shares = all.QueryCount < EnsembleSize * 2
            ? [RankingDatasetSplit.TrainValidation(all, 1.0 / EnsembleSize, seed)]
            : RankingDatasetSplit.KFold(all, EnsembleSize, seed);
        var parameters = Parameters(seed);
        var trainer = new MlNetRankerTrainer(parameters);
        var trained = new List<FlatTreeEnsemble>(shares.Count);
        var validation = new List<double>(shares.Count);
        foreach (var share in shares)
        {
            var member = trainer.Train(share.Training, share.Validation, cancellationToken).Trees;
            trained.Add(member);
            validation.Add(MeanNdcg(member, share.Validation));
            progress?.Report(new TrainedMember(trained.Count, shares.Count, member.TreeCount, NdcgCutoff, validation[^1], share.Validation.QueryCount));
        }

        var trees = FlatTreeEnsemble.Average(trained);
        var metadata = new FaqRankerTrainingMetadata
        {
            Trainer = MlNetRankerTrainer.Name,
            Members = trained.Count,
            Trees = trees.TreeCount,
            TrainingDataHash = all.ComputeHash(),
            TrainingQueries = all.QueryCount,
            TrainingRows = all.RowCount,
            NdcgCutoff = NdcgCutoff,
            TrainingNdcg = MeanNdcg(trees, all),
            ValidationNdcg = validation.Average(),
            Seed = seed,
            TrainedAt = time.GetUtcNow(),
        };
        return new FaqRankerModel(all.FeatureNames, parameters, trees, metadata);
    }

    private const int NdcgCutoff = 10;

    private static double MeanNdcg(FlatTreeEnsemble trees, RankingDataset data)
    {
        var scores = new double[data.RowCount];
        for (var r = 0; r < scores.Length; r++)
            scores[r] = trees.ScoreRow(data.Row(r));
        return RankingMetrics.MeanNdcg(data, scores, NdcgCutoff);
    }

    /// <summary>The query's candidate ids in the model's order (ties keep first-stage order).</summary>
    public static string[] Rerank(FaqRankerModel model, CandidateQuery query)
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
