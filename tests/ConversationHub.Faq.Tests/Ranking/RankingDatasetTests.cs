using ConversationHub.Faq.Ranking;

namespace ConversationHub.Faq.Tests.Ranking;

public sealed class RankingDatasetTests
{
    [Fact]
    public void ComputeHash_RowsAndQueriesReordered_SameHash()
    {
        // Arrange
        var first = new RankingDatasetBuilder(["a", "b"])
            .AddQuery("q1", [1f, 2f, 3f, 4f], [0, 2])
            .AddQuery("q2", [5f, 6f], [1])
            .Build();
        var second = new RankingDatasetBuilder(["a", "b"])
            .AddQuery("q2", [5f, 6f], [1])
            .AddQuery("q1", [3f, 4f, 1f, 2f], [2, 0])
            .Build();

        // Act + Assert
        Assert.Equal(first.ComputeHash(), second.ComputeHash());
        Assert.Matches("^[0-9a-f]{64}$", first.ComputeHash());
    }

    [Fact]
    public void ComputeHash_OneLabelChanged_DifferentHash()
    {
        // Arrange
        var first = new RankingDatasetBuilder(["a"]).AddQuery("q", [1f, 2f], [0, 2]).Build();
        var second = new RankingDatasetBuilder(["a"]).AddQuery("q", [1f, 2f], [0, 1]).Build();

        // Act + Assert
        Assert.NotEqual(first.ComputeHash(), second.ComputeHash());
    }

    [Fact]
    public void AddQuery_SameQueryIdTwice_Throws()
    {
        // Arrange
        var builder = new RankingDatasetBuilder(["a"]).AddQuery("q", [1f], [0]);

        // Act + Assert
        Assert.Throws<ArgumentException>(() => builder.AddQuery("q", [2f], [1]));
    }

    [Fact]
    public void AddQuery_NaNFeature_ThrowsNamingTheFeature()
    {
        // Arrange
        var builder = new RankingDatasetBuilder(["a", "bm25"]);

        // Act
        var exception = Assert.Throws<ArgumentException>(() => builder.AddQuery("q", [1f, float.NaN], [0]));

        // Assert
        Assert.Contains("'bm25'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddQuery_WrongFeatureCount_Throws()
    {
        // Arrange
        var builder = new RankingDatasetBuilder(["a", "b"]);

        // Act + Assert
        Assert.Throws<ArgumentException>(() => builder.AddQuery("q", [1f, 2f, 3f], [0, 1]));
    }
}
