using ConversationHub.Faq.Ranking;

namespace ConversationHub.Faq.Tests.Ranking;

public sealed class LambdaMartModelTests
{
    [Fact]
    public void Score_Batch_BitIdenticalToOneAtATime()
    {
        // Arrange
        var data = SyntheticRankingData.Nonlinear(40, 15, 6, seed: 4);
        var model = new LambdaMartTrainer().Train(
            data, null, new LambdaMartParameters { TreeCount = 30, MinLeafRows = 5, EarlyStoppingRounds = 0 });
        var candidates = data.Features[..(50 * data.FeatureCount)];
        var scores = new float[50];

        // Act
        model.Score(candidates, scores);

        // Assert
        for (var i = 0; i < scores.Length; i++)
        {
            var single = model.Score(candidates.Slice(i * data.FeatureCount, data.FeatureCount));
            Assert.Equal(BitConverter.SingleToInt32Bits(single), BitConverter.SingleToInt32Bits(scores[i]));
        }
    }

    [Fact]
    public void Score_WrongFeatureCount_Throws()
    {
        // Arrange
        var tree = new RegressionTree([0], [0.5f], [~0], [~1], [-1f, 1f]);
        var model = new LambdaMartModel(["a", "b"], new LambdaMartParameters(), [tree], new LambdaMartTrainingMetadata
        {
            TrainingDataHash = "00", TrainingQueries = 1, TrainingRows = 2, NdcgCutoff = 10, TrainingNdcg = 1,
            BestIteration = 1, IterationsRun = 1, Seed = 1, TrainedAt = DateTimeOffset.UnixEpoch,
        });

        // Act + Assert
        Assert.Equal(-1f, model.Score([0.5f, 9f]));
        Assert.Equal(1f, model.Score([0.6f, 9f]));
        Assert.Throws<ArgumentException>(() => model.Score([0.5f]));
    }
}
