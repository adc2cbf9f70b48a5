using ConversationHub.Faq.Ranking;
using ConversationHub.Faq.Ranking.MlNet;

namespace ConversationHub.Faq.Tests.Ranking.MlNet;

public sealed class FlatTreeEnsembleTests
{
    [Fact]
    public void Average_TwoMembers_ScoresTheirMeanInBatchAndOneByOne()
    {
        // Arrange: two trained FastTree models over the same features.
        var data = SyntheticRankingData.Nonlinear(queries: 80, candidates: 15, features: 6, seed: 4);
        var first = RankingDatasetSplit.TrainValidation(data, 0.2, seed: 1);
        var second = RankingDatasetSplit.TrainValidation(data, 0.2, seed: 2);
        var trainer = new MlNetRankerTrainer(new MlNetRankerParameters { TreeCount = 30, MinLeafRows = 5 });
        var a = trainer.Train(first.Training, first.Validation, CancellationToken.None).Trees;
        var b = trainer.Train(second.Training, second.Validation, CancellationToken.None).Trees;

        // Act
        var average = FlatTreeEnsemble.Average([a, b]);

        // Assert
        Assert.Equal(a.TreeCount + b.TreeCount, average.TreeCount);
        var batch = new float[data.RowCount];
        average.Score(data.Features, batch);
        for (var row = 0; row < data.RowCount; row++)
        {
            var features = data.Row(row);
            var expected = (a.ScoreRow(features) + b.ScoreRow(features)) / 2;
            Assert.Equal(expected, average.ScoreRow(features), 1e-9);
            Assert.Equal(BitConverter.SingleToInt32Bits((float)average.ScoreRow(features)), BitConverter.SingleToInt32Bits(batch[row]));
        }
    }

    [Fact]
    public void Score_Batch_SameAsOneAtATime()
    {
        // Arrange
        var model = HandMadeModels.Stump(["a", "b"], 1, 0.5f, -1, 1);
        float[] candidates = [0f, 0.5f, 0f, 0.6f, 9f, -1f];
        var scores = new float[3];

        // Act
        model.Score(candidates, scores);

        // Assert
        Assert.Equal([-1f, 1f, -1f], scores);
        Assert.Equal(1f, model.Score([0f, 0.6f]));
        Assert.Throws<ArgumentException>(() => model.Score([0.5f]));
    }
}
