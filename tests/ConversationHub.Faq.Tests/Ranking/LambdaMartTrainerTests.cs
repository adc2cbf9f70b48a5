using ConversationHub.Faq.Ranking;
using ConversationHub.Testing;

namespace ConversationHub.Faq.Tests.Ranking;

public sealed class LambdaMartTrainerTests
{
    private static readonly TestClock Clock = new(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Train_SameSeedTwice_IdenticalJson()
    {
        // Arrange: subsampling on, so the seed drives row and feature choices.
        var data = SyntheticRankingData.Nonlinear(60, 20, 8, seed: 3);
        var parameters = new LambdaMartParameters
        {
            TreeCount = 40, MaxLeaves = 15, MinLeafRows = 5, RowFraction = 0.7, FeatureFraction = 0.6, Seed = 17,
        };

        // Act
        var first = LambdaMartModelSerializer.Serialize(new LambdaMartTrainer(Clock).Train(data, null, parameters));
        var second = LambdaMartModelSerializer.Serialize(new LambdaMartTrainer(Clock).Train(data, null, parameters));

        // Assert
        Assert.Equal(first, second);
    }

    [Fact]
    public void Train_DifferentSeed_DifferentTrees()
    {
        // Arrange
        var data = SyntheticRankingData.Nonlinear(60, 20, 8, seed: 3);
        var parameters = new LambdaMartParameters
        {
            TreeCount = 20, MaxLeaves = 15, MinLeafRows = 5, RowFraction = 0.7, FeatureFraction = 0.6, Seed = 17,
        };

        // Act
        var first = new LambdaMartTrainer(Clock).Train(data, null, parameters);
        var second = new LambdaMartTrainer(Clock).Train(data, null, parameters with { Seed = 18 });

        // Assert
        Assert.NotEqual(
            LambdaMartModelSerializer.Serialize(first).Replace("\"seed\": 17", string.Empty, StringComparison.Ordinal),
            LambdaMartModelSerializer.Serialize(second).Replace("\"seed\": 18", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void Train_ValidationStopsImproving_StopsEarlyAndKeepsBestIteration()
    {
        // Arrange: labels are noise, so validation nDCG cannot keep improving while training nDCG does.
        var training = SyntheticRankingData.Noise(80, 20, 6, seed: 1);
        var validation = SyntheticRankingData.Noise(40, 20, 6, seed: 2);
        var parameters = new LambdaMartParameters { TreeCount = 300, MinLeafRows = 5, EarlyStoppingRounds = 10 };
        var progress = new RecordingProgress<LambdaMartProgress>();

        // Act
        var model = new LambdaMartTrainer(Clock).Train(training, validation, parameters, progress);

        // Assert
        var metadata = model.Metadata;
        Assert.True(metadata.IterationsRun < 300, $"ran {metadata.IterationsRun} rounds");
        Assert.Equal(metadata.BestIteration + 10, metadata.IterationsRun);
        Assert.Equal(metadata.BestIteration, model.Trees.Count);
        Assert.Equal(metadata.IterationsRun, progress.Reports.Count);
        var best = progress.Reports.MaxBy(report => report.ValidationNdcg!.Value);
        Assert.Equal(best.Iteration, metadata.BestIteration);
        Assert.Equal(best.ValidationNdcg, metadata.ValidationNdcg);
        Assert.Equal(
            metadata.ValidationNdcg!.Value,
            RankingMetrics.MeanNdcg(validation, SyntheticRankingData.ScoreRows(model, validation), 10));
    }

    [Fact]
    public void Train_NoEarlyStopping_ReportsEveryRoundAndModelReproducesTrainingScores()
    {
        // Arrange
        var data = SyntheticRankingData.Nonlinear(50, 20, 6, seed: 8);
        var parameters = new LambdaMartParameters { TreeCount = 25, MinLeafRows = 5, EarlyStoppingRounds = 0 };
        var progress = new RecordingProgress<LambdaMartProgress>();

        // Act
        var model = new LambdaMartTrainer(Clock).Train(data, null, parameters, progress);

        // Assert
        Assert.Equal(Enumerable.Range(1, 25), progress.Reports.Select(report => report.Iteration));
        Assert.All(progress.Reports, report => Assert.Null(report.ValidationNdcg));
        Assert.True(progress.Reports[^1].TrainingNdcg > progress.Reports[0].TrainingNdcg);
        Assert.Equal(25, model.Trees.Count);
        Assert.Equal(model.Metadata.TrainingNdcg, RankingMetrics.MeanNdcg(data, SyntheticRankingData.ScoreRows(model, data), 10));
        Assert.Equal(data.ComputeHash(), model.Metadata.TrainingDataHash);
        Assert.Equal(Clock.GetUtcNow(), model.Metadata.TrainedAt);
    }

    [Fact]
    public void Train_CancelledToken_Throws()
    {
        // Arrange
        var data = SyntheticRankingData.Nonlinear(10, 10, 3, seed: 1);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        // Act + Assert
        Assert.Throws<OperationCanceledException>(
            () => new LambdaMartTrainer(Clock).Train(data, null, new LambdaMartParameters(), null, cancellation.Token));
    }

    [Fact]
    public void Train_ValidationWithOtherFeatures_Throws()
    {
        // Arrange
        var training = SyntheticRankingData.Nonlinear(10, 10, 3, seed: 1);
        var validation = SyntheticRankingData.Nonlinear(10, 10, 4, seed: 2);

        // Act + Assert
        Assert.Throws<ArgumentException>(() => new LambdaMartTrainer(Clock).Train(training, validation, new LambdaMartParameters()));
    }
}
