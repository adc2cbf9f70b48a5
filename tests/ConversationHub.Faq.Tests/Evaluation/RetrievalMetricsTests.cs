using ConversationHub.Faq.Evaluation;

namespace ConversationHub.Faq.Tests.Evaluation;

public sealed class RetrievalMetricsTests
{
    private static readonly Dictionary<string, int> Judgements = new() { ["a"] = 2, ["b"] = 1 };

    [Fact]
    public void Ndcg_IdealOrder_IsOne()
    {
        // Act
        var ndcg = RetrievalMetrics.Ndcg(["a", "b", "x"], Judgements, 10);

        // Assert
        Assert.Equal(1.0, ndcg, 10);
    }

    [Fact]
    public void Ndcg_RelevantAtRanksTwoAndThree_UsesLinearGainAndLog2Discount()
    {
        // Arrange: DCG = 1/log2(3) + 2/log2(4) = 0.63093 + 1; IDCG = 2/1 + 1/log2(3) = 2.63093.
        var expected = (1 / Math.Log2(3) + 1.0) / (2 + 1 / Math.Log2(3));

        // Act
        var ndcg = RetrievalMetrics.Ndcg(["x", "b", "a"], Judgements, 10);

        // Assert
        Assert.Equal(expected, ndcg, 10);
        Assert.Equal(0.6199, ndcg, 4);
    }

    [Fact]
    public void ReciprocalRank_FirstRelevantAtRankThree_IsOneThird()
    {
        // Act
        var rr = RetrievalMetrics.ReciprocalRank(["x", "y", "b", "a"], Judgements, 10);

        // Assert
        Assert.Equal(1.0 / 3, rr, 10);
    }

    [Fact]
    public void ReciprocalRank_RelevantBeyondCutoff_IsZero()
    {
        // Act
        var rr = RetrievalMetrics.ReciprocalRank(["x", "y", "a"], Judgements, 2);

        // Assert
        Assert.Equal(0, rr);
    }

    [Fact]
    public void Recall_OneOfTwoRelevantFound_IsHalf()
    {
        // Act
        var recall = RetrievalMetrics.Recall(["b", "x"], Judgements, 10);

        // Assert
        Assert.Equal(0.5, recall, 10);
    }

    [Fact]
    public void HitA_OnlyGradeOneInTopK_IsZero()
    {
        // Act
        var hit1 = RetrievalMetrics.HitA(["b", "a"], Judgements, 1);
        var hit5 = RetrievalMetrics.HitA(["b", "a"], Judgements, 5);

        // Assert
        Assert.Equal(0, hit1);
        Assert.Equal(1, hit5);
    }

    [Fact]
    public void NearestRank_HundredValues_PicksTheRankedValue()
    {
        // Arrange
        var values = Enumerable.Range(1, 100).Select(i => (double)i).Reverse().ToArray();

        // Act
        var p50 = Percentile.NearestRank(values, 50);
        var p99 = Percentile.NearestRank(values, 99);

        // Assert
        Assert.Equal(50, p50);
        Assert.Equal(99, p99);
    }
}
