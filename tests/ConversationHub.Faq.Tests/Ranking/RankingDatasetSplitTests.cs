using ConversationHub.Faq.Ranking;

namespace ConversationHub.Faq.Tests.Ranking;

public sealed class RankingDatasetSplitTests
{
    [Fact]
    public void KFold_FiveFolds_EveryQueryValidatedOnceAndNeverSplit()
    {
        // Arrange
        var data = SyntheticRankingData.Nonlinear(53, 7, 3, seed: 1);

        // Act
        var folds = RankingDatasetSplit.KFold(data, 5, seed: 42);

        // Assert
        var validated = folds.SelectMany(fold => fold.Validation.QueryIds).ToList();
        Assert.Equal(data.QueryIds.Order(StringComparer.Ordinal), validated.Order(StringComparer.Ordinal));
        foreach (var fold in folds)
        {
            Assert.Empty(fold.Training.QueryIds.Intersect(fold.Validation.QueryIds, StringComparer.Ordinal));
            Assert.Equal(data.RowCount, fold.Training.RowCount + fold.Validation.RowCount);
            Assert.InRange(fold.Validation.QueryCount, 10, 11);
        }
    }

    [Fact]
    public void AssignFolds_QueriesInAnotherOrder_SameFoldPerQueryId()
    {
        // Arrange
        var data = SyntheticRankingData.Nonlinear(40, 5, 3, seed: 2);
        var reversed = data.SelectQueries([.. Enumerable.Range(0, data.QueryCount).Reverse()]);

        // Act
        var folds = RankingDatasetSplit.AssignFolds(data, 4, seed: 7);
        var reversedFolds = RankingDatasetSplit.AssignFolds(reversed, 4, seed: 7);

        // Assert
        for (var q = 0; q < data.QueryCount; q++)
            Assert.Equal(folds[q], reversedFolds[data.QueryCount - 1 - q]);
    }

    [Fact]
    public void AssignFolds_DifferentSeed_DifferentAssignment()
    {
        // Arrange
        var data = SyntheticRankingData.Nonlinear(40, 5, 3, seed: 2);

        // Act
        var first = RankingDatasetSplit.AssignFolds(data, 4, seed: 7);
        var second = RankingDatasetSplit.AssignFolds(data, 4, seed: 8);

        // Assert
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void TrainValidation_TwentyPercent_HoldsOutWholeQueries()
    {
        // Arrange
        var data = SyntheticRankingData.Nonlinear(100, 6, 3, seed: 3);

        // Act
        var split = RankingDatasetSplit.TrainValidation(data, 0.2, seed: 1);

        // Assert
        Assert.Equal(20, split.Validation.QueryCount);
        Assert.Equal(80, split.Training.QueryCount);
        Assert.Equal(120, split.Validation.RowCount);
        Assert.Empty(split.Training.QueryIds.Intersect(split.Validation.QueryIds, StringComparer.Ordinal));
    }
}
