using ConversationHub.Faq.Ranking;

namespace ConversationHub.Faq.Tests.Ranking;

public sealed class RankingMetricsTests
{
    [Fact]
    public void Ndcg_KnownRanking_MatchesHandComputedValue()
    {
        // Arrange: ranked labels 1, 0, 2; ideal order 2, 1, 0. Linear gain.
        double[] scores = [0.9, 0.5, 0.1];
        int[] labels = [1, 0, 2];
        var dcg = 1 + (2 / Math.Log2(4));
        var idcg = 2 + (1 / Math.Log2(3));

        // Act
        var ndcg = RankingMetrics.Ndcg(scores, labels, 10);

        // Assert
        Assert.Equal(dcg / idcg, ndcg, 12);
    }

    [Fact]
    public void Ndcg_CutoffExcludesRelevantItem_CountsOnlyTopK()
    {
        // Arrange
        double[] scores = [3, 2, 1];
        int[] labels = [0, 0, 2];

        // Act + Assert
        Assert.Equal(0, RankingMetrics.Ndcg(scores, labels, 2));
        Assert.Equal(0, RankingMetrics.ReciprocalRank(scores, labels, 2));
        Assert.Equal(1.0 / 3, RankingMetrics.ReciprocalRank(scores, labels, 3), 12);
    }

    [Fact]
    public void Ndcg_NoRelevantCandidate_IsZero()
    {
        // Act + Assert
        Assert.Equal(0, RankingMetrics.Ndcg([1, 2], [0, 0], 10));
    }

    [Fact]
    public void RankOrder_TiedScores_KeepsCandidateOrder()
    {
        // Arrange
        double[] scores = [1, 2, 1, 2];
        var order = new int[4];

        // Act
        RankingMetrics.RankOrder(scores, order);

        // Assert
        Assert.Equal([1, 3, 0, 2], order);
    }
}
