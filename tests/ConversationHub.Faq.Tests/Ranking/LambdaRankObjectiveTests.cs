using ConversationHub.Faq.Ranking;

namespace ConversationHub.Faq.Tests.Ranking;

public sealed class LambdaRankObjectiveTests
{
    [Fact]
    public void Compute_WronglyOrderedPair_PushesRelevantUpAndIrrelevantDown()
    {
        // Arrange: the irrelevant candidate (label 0) currently outscores the answer (label 2).
        var data = new RankingDatasetBuilder(["x"]).AddQuery("q", [0f, 1f], [0, 2]).Build();
        var objective = new LambdaRankObjective(data, sigma: 1.0, cutoff: 10);
        var gradients = new double[2];
        var hessians = new double[2];

        // Act
        objective.Compute([1.0, 0.0], gradients, hessians);

        // Assert: a negative gradient of the cost raises the score under a Newton step.
        Assert.True(gradients[1] < 0, $"relevant gradient {gradients[1]}");
        Assert.True(gradients[0] > 0, $"irrelevant gradient {gradients[0]}");
        Assert.Equal(0, gradients[0] + gradients[1], 12);
        Assert.True(hessians[0] > 0 && hessians[1] > 0);
        // |ΔNDCG| of swapping ranks 1 and 2 with gains 2 and 0 is 1 - 1/log2(3); ρ = 1 / (1 + e^-1).
        var rho = 1 / (1 + Math.Exp(-1.0));
        Assert.Equal(-rho * (1 - (1 / Math.Log2(3))), gradients[1], 12);
    }

    [Fact]
    public void Compute_AllLabelsEqual_ContributesNothing()
    {
        // Arrange
        var data = new RankingDatasetBuilder(["x"]).AddQuery("q", [0f, 1f, 2f], [1, 1, 1]).Build();
        var objective = new LambdaRankObjective(data, 1.0, 10);
        double[] gradients = [9, 9, 9];
        double[] hessians = [9, 9, 9];

        // Act
        objective.Compute([0.3, 0.2, 0.1], gradients, hessians);

        // Assert
        Assert.All(gradients, g => Assert.Equal(0, g));
        Assert.All(hessians, h => Assert.Equal(0, h));
    }

    [Fact]
    public void Compute_PairBothBelowCutoff_ContributesNothing()
    {
        // Arrange: cutoff 1; candidates at ranks 2 and 3 differ in label, but swapping them leaves nDCG@1 alone.
        var data = new RankingDatasetBuilder(["x"]).AddQuery("q", [0f, 0f, 0f], [2, 0, 1]).Build();
        var objective = new LambdaRankObjective(data, 1.0, cutoff: 1);
        var gradients = new double[3];
        var hessians = new double[3];

        // Act: rank order is 0, 1, 2 (scores descending); rank-1 holds the best label.
        objective.Compute([3.0, 2.0, 1.0], gradients, hessians);

        // Assert: only the pairs with candidate 0 count; ideal DCG@1 is 2, so |ΔNDCG| is 1 for (0, 1) and 0.5
        // for (0, 2). Had the (2, 1) pair counted, candidate 2's gradient would have dropped below 0.5·ρ.
        var rho01 = 1 / (1 + Math.Exp(1.0));
        var rho02 = 1 / (1 + Math.Exp(2.0));
        Assert.Equal(rho01, gradients[1], 12);
        Assert.Equal(0.5 * rho02, gradients[2], 12);
        Assert.Equal(-(rho01 + (0.5 * rho02)), gradients[0], 12);
    }

    [Fact]
    public void Train_OneBoostingStep_RelevantItemOvertakesIrrelevant()
    {
        // Arrange: in every query the answer is listed second, so with equal starting scores it ranks below the
        // irrelevant candidate. Feature x separates them.
        var builder = new RankingDatasetBuilder(["x", "noise"]);
        var random = new DeterministicRandom(5);
        for (var q = 0; q < 20; q++)
        {
            builder.AddQuery($"q{q}", [0.1f + (float)(0.1 * random.NextDouble()), (float)random.NextDouble(),
                                       0.8f + (float)(0.1 * random.NextDouble()), (float)random.NextDouble()], [0, 2]);
        }

        var data = builder.Build();
        var parameters = new LambdaMartParameters { TreeCount = 1, MinLeafRows = 1, EarlyStoppingRounds = 0 };

        // Act
        var model = new LambdaMartTrainer().Train(data, null, parameters);

        // Assert
        for (var q = 0; q < data.QueryCount; q++)
        {
            var start = data.QueryStarts[q];
            Assert.True(model.Score(data.Row(start + 1)) > model.Score(data.Row(start)), $"query {q}");
        }

        Assert.Equal(1.0, model.Metadata.TrainingNdcg, 12);
    }
}
