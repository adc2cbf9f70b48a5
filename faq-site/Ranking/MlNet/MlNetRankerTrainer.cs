using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace ConversationHub.Faq.Ranking.MlNet;

/// <summary>
/// Trains a LambdaRank tree ensemble with ML.NET (LightGBM or FastTree) over a <see cref="RankingDataset"/>:
/// the project's features and graded labels, one group per query. The validation set passed in (a share of the
/// training queries, never evaluation queries) decides where boosting stops: LightGBM's early stopping, FastTree's
/// pruning back to the best validation iteration.
/// </summary>
internal sealed class MlNetRankerTrainer(MlNetTrainerKind kind, MlNetRankerParameters parameters)
{
    public MlNetTrainerKind Kind => kind;

    public MlNetRankerParameters Parameters => parameters;

    /// <summary>Fits one model; cancellation is checked before and after the fit (ML.NET's fit itself runs to the end).</summary>
    public MlNetRankingModel Train(RankingDataset training, RankingDataset validation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(validation);
        if (!training.FeatureNames.SequenceEqual(validation.FeatureNames, StringComparer.Ordinal))
            throw new ArgumentException("The validation set has different features from the training set.", nameof(validation));
        cancellationToken.ThrowIfCancellationRequested();

        var mlContext = new MLContext(parameters.Seed);
        var trainView = RankingDataView.Create(mlContext, training);
        var validView = RankingDataView.Create(mlContext, validation);
        var (transformer, ensemble) = kind switch
        {
            MlNetTrainerKind.LightGbm => FitLightGbm(mlContext, trainView, validView),
            MlNetTrainerKind.FastTree => FitFastTree(mlContext, trainView, validView),
            _ => throw new InvalidOperationException($"Unknown trainer {kind}."),
        };
        cancellationToken.ThrowIfCancellationRequested();
        return new MlNetRankingModel(
            kind, [.. training.FeatureNames], mlContext, transformer, trainView.Schema, FlatTreeEnsemble.From(ensemble, training.FeatureCount));
    }

    private (ITransformer, RegressionTreeEnsemble) FitLightGbm(MLContext mlContext, IDataView train, IDataView valid)
    {
        var options = new LightGbmRankingTrainer.Options
        {
            LabelColumnName = RankingDataView.LabelColumn,
            RowGroupColumnName = RankingDataView.GroupIdColumn,
            FeatureColumnName = RankingDataView.FeaturesColumn,
            NumberOfIterations = parameters.TreeCount,
            LearningRate = parameters.LearningRate,
            NumberOfLeaves = parameters.MaxLeaves,
            MinimumExampleCountPerLeaf = parameters.MinLeafRows,
            EarlyStoppingRound = parameters.EarlyStoppingRounds,
            CustomGains = LinearGains(),
            Seed = parameters.Seed,
            Silent = true,
            Verbose = false,
            Booster = new GradientBooster.Options { FeatureFraction = parameters.FeatureFraction },
        };
        var transformer = mlContext.Ranking.Trainers.LightGbm(options).Fit(train, valid);
        return (transformer, transformer.Model.TrainedTreeEnsemble);
    }

    private (ITransformer, RegressionTreeEnsemble) FitFastTree(MLContext mlContext, IDataView train, IDataView valid)
    {
        var options = new FastTreeRankingTrainer.Options
        {
            LabelColumnName = RankingDataView.LabelColumn,
            RowGroupColumnName = RankingDataView.GroupIdColumn,
            FeatureColumnName = RankingDataView.FeaturesColumn,
            NumberOfTrees = parameters.TreeCount,
            LearningRate = parameters.LearningRate,
            NumberOfLeaves = parameters.MaxLeaves,
            MinimumExampleCountPerLeaf = parameters.MinLeafRows,
            FeatureFraction = parameters.FeatureFraction,
            CustomGains = [.. LinearGains().Select(g => (double)g)],
            EnablePruning = true,
            Seed = parameters.Seed,
            FeatureSelectionSeed = parameters.Seed,
        };
        var transformer = mlContext.Ranking.Trainers.FastTree(options).Fit(train, valid);
        return (transformer, transformer.Model.TrainedTreeEnsemble);
    }

    // Gain = label, as in the project's nDCG (RankingMetrics) and its own LambdaRank objective; ML.NET's default
    // (0, 3, 7, 15, 31) would optimise a different metric from the one reported.
    private static int[] LinearGains() => [0, 1, 2, 3, 4];
}
