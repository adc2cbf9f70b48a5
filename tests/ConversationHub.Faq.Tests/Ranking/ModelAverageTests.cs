using ConversationHub.Faq.Ranking;

namespace ConversationHub.Faq.Tests.Ranking;

public sealed class ModelAverageTests
{
    [Fact]
    public void Of_TwoModels_ScoresTheMeanOfTheirScoresAndRoundTrips()
    {
        // Arrange: two different models of the same data.
        var data = SyntheticRankingData.Nonlinear(40, 10, 5, seed: 7);
        var parameters = new LambdaMartParameters { TreeCount = 20, MinLeafRows = 5, EarlyStoppingRounds = 0 };
        var first = new LambdaMartTrainer().Train(data, null, parameters with { Seed = 1, RowFraction = 0.7 });
        var second = new LambdaMartTrainer().Train(data, null, parameters with { Seed = 2, RowFraction = 0.7 });

        // Act
        var average = ModelAverage.Of([first, second], data);
        var reloaded = LambdaMartModelSerializer.Deserialize(LambdaMartModelSerializer.Serialize(average), data.FeatureNames);

        // Assert
        Assert.Equal(first.Trees.Count + second.Trees.Count, average.Trees.Count);
        Assert.Equal(data.QueryCount, average.Metadata.TrainingQueries);
        for (var row = 0; row < data.RowCount; row++)
        {
            var expected = (first.ScoreExact(data.Row(row)) + second.ScoreExact(data.Row(row))) / 2;
            Assert.Equal(expected, average.ScoreExact(data.Row(row)), 5);
            Assert.Equal(average.ScoreExact(data.Row(row)), reloaded.ScoreExact(data.Row(row)));
        }
    }
}
