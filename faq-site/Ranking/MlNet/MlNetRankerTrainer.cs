using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace ConversationHub.Faq.Ranking.MlNet;

/// <summary>
/// Trains a LambdaRank tree ensemble with ML.NET's FastTree over a <see cref="RankingDataset"/>: the project's
/// features and graded labels, one group per query. The validation set passed in (a share of the training queries,
/// never evaluation queries) decides where boosting stops: FastTree prunes back to the best validation iteration.
/// </summary>
internal sealed class MlNetRankerTrainer(MlNetRankerParameters parameters)
{
    /// <summary>The library and trainer, as the model card names them.</summary>
    public static readonly string Name =
        $"ML.NET {typeof(FastTreeRankingTrainer).Assembly.GetName().Version?.ToString(3)} FastTree LambdaRank";

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
            CustomGains = LinearGains(),
            EnablePruning = true,
            EarlyStoppingMetric = parameters.EarlyStoppingNdcgAt switch
            {
                1 => EarlyStoppingRankingMetric.NdcgAt1,
                3 => EarlyStoppingRankingMetric.NdcgAt3,
                _ => throw new InvalidOperationException($"FastTree prunes by NDCG@1 or NDCG@3, not NDCG@{parameters.EarlyStoppingNdcgAt}."),
            },
            Seed = parameters.Seed,
            FeatureSelectionSeed = parameters.Seed,
        };
        var transformer = mlContext.Ranking.Trainers.FastTree(options).Fit(trainView, validView);
        cancellationToken.ThrowIfCancellationRequested();
        return new MlNetRankingModel(
            [.. training.FeatureNames], mlContext, transformer, trainView.Schema,
            FlatTreeEnsemble.From(transformer.Model.TrainedTreeEnsemble, training.FeatureCount));
    }

    // Gain = label, as in the project's nDCG (RankingMetrics); ML.NET's default (0, 3, 7, 15, 31) would optimise a
    // different metric from the one reported.
    private static double[] LinearGains() => [0, 1, 2, 3, 4];
}
