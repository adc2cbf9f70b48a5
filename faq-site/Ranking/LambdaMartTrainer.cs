namespace ConversationHub.Faq.Ranking;

/// <summary>
/// Trains LambdaMART: gradient-boosted regression trees fitted to LambdaRank gradients for nDCG@k, with
/// optional row and feature subsampling and early stopping on a validation set. The same data, parameters and
/// seed give a bit-identical model (the only non-derived field is <see cref="LambdaMartTrainingMetadata.TrainedAt"/>,
/// taken from the injected clock).
/// </summary>
internal sealed class LambdaMartTrainer(TimeProvider timeProvider)
{
    private const int RowChunk = 4096;

    public LambdaMartTrainer()
        : this(TimeProvider.System)
    {
    }

    public LambdaMartModel Train(
        RankingDataset training,
        RankingDataset? validation,
        LambdaMartParameters parameters,
        IProgress<LambdaMartProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        if (training.QueryCount == 0)
            throw new ArgumentException("The training set has no queries.", nameof(training));
        if (validation is not null && !validation.FeatureNames.SequenceEqual(training.FeatureNames, StringComparer.Ordinal))
            throw new ArgumentException("The validation set's features differ from the training set's.", nameof(validation));

        var bins = FeatureBins.Build(training, parameters.MaxBins);
        var learner = new HistogramTreeLearner(bins, parameters.ToTreeLearnerOptions());
        var objective = new LambdaRankObjective(training, parameters.Sigma, parameters.NdcgCutoff);
        var random = new DeterministicRandom((ulong)(uint)parameters.Seed);

        var rowCount = training.RowCount;
        var trainingScores = new double[rowCount];
        var validationScores = validation is null ? [] : new double[validation.RowCount];
        var gradients = new double[rowCount];
        var hessians = new double[rowCount];
        var sampledRows = new int[rowCount];
        var trees = new List<RegressionTree>(parameters.TreeCount);
        var trainingHistory = new List<double>(parameters.TreeCount);
        var bestValidation = double.NegativeInfinity;
        var bestIteration = 0;
        double? bestValidationNdcg = null;

        for (var iteration = 1; iteration <= parameters.TreeCount; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            objective.Compute(trainingScores, gradients, hessians);
            var sampledCount = SampleRows(sampledRows, parameters.RowFraction, random);
            var features = SampleFeatures(training.FeatureCount, parameters.FeatureFraction, random);
            var tree = learner.Fit(gradients, hessians, sampledRows, sampledCount, features, parameters.LearningRate);
            trees.Add(tree);
            AddTree(tree, training, trainingScores);
            var trainingNdcg = RankingMetrics.MeanNdcg(training, trainingScores, parameters.NdcgCutoff);
            trainingHistory.Add(trainingNdcg);

            double? validationNdcg = null;
            if (validation is not null)
            {
                AddTree(tree, validation, validationScores);
                validationNdcg = RankingMetrics.MeanNdcg(validation, validationScores, parameters.NdcgCutoff);
            }

            progress?.Report(new LambdaMartProgress(iteration, parameters.TreeCount, trainingNdcg, validationNdcg));

            if (validationNdcg is not { } current || parameters.EarlyStoppingRounds == 0)
            {
                bestIteration = iteration;
                bestValidationNdcg = validationNdcg;
                continue;
            }

            if (current > bestValidation)
            {
                bestValidation = current;
                bestIteration = iteration;
                bestValidationNdcg = current;
            }
            else if (iteration - bestIteration >= parameters.EarlyStoppingRounds)
                break;
        }

        var metadata = new LambdaMartTrainingMetadata
        {
            TrainingDataHash = training.ComputeHash(),
            ValidationDataHash = validation?.ComputeHash(),
            TrainingQueries = training.QueryCount,
            TrainingRows = training.RowCount,
            ValidationQueries = validation?.QueryCount ?? 0,
            ValidationRows = validation?.RowCount ?? 0,
            NdcgCutoff = parameters.NdcgCutoff,
            TrainingNdcg = trainingHistory[bestIteration - 1],
            ValidationNdcg = bestValidationNdcg,
            BestIteration = bestIteration,
            IterationsRun = trees.Count,
            Seed = parameters.Seed,
            TrainedAt = timeProvider.GetUtcNow(),
        };
        return new LambdaMartModel(training.FeatureNames, parameters, trees.GetRange(0, bestIteration), metadata);
    }

    /// <summary>Adds the tree's output to every row's score, in the same order as <see cref="LambdaMartModel.ScoreExact"/>.</summary>
    private static void AddTree(RegressionTree tree, RankingDataset data, double[] scores)
    {
        var chunks = (data.RowCount + RowChunk - 1) / RowChunk;
        Parallel.For(0, chunks, chunk =>
        {
            var end = Math.Min(data.RowCount, (chunk + 1) * RowChunk);
            for (var row = chunk * RowChunk; row < end; row++)
                scores[row] += tree.Predict(data.Row(row));
        });
    }

    private static int SampleRows(int[] rows, double fraction, DeterministicRandom random)
    {
        var count = 0;
        for (var row = 0; row < rows.Length; row++)
        {
            // At fraction 1 nothing is drawn, so the generator advances only when sampling is on.
            if (fraction >= 1 || random.NextDouble() < fraction)
                rows[count++] = row;
        }

        return count;
    }

    private static int[] SampleFeatures(int featureCount, double fraction, DeterministicRandom random)
    {
        var all = new int[featureCount];
        for (var f = 0; f < featureCount; f++)
            all[f] = f;
        if (fraction >= 1)
            return all;
        var take = Math.Max(1, (int)Math.Round(featureCount * fraction));
        // Partial Fisher–Yates, then ascending so split ties still favour the lower feature index.
        for (var i = 0; i < take; i++)
        {
            var j = i + random.NextInt(featureCount - i);
            (all[i], all[j]) = (all[j], all[i]);
        }

        var chosen = all[..take];
        Array.Sort(chosen);
        return chosen;
    }
}
