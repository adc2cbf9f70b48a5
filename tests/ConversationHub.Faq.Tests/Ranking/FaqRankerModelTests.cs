using ConversationHub.Faq.Ranking;
using ConversationHub.Faq.Ranking.Features;
using ConversationHub.Faq.Ranking.MlNet;

namespace ConversationHub.Faq.Tests.Ranking;

public sealed class FaqRankerModelTests
{
    [Fact]
    public void Score_NeighbourVoteWeight_AddsTheWeightedVoteToTheStandardisedTreeScore()
    {
        // Arrange: one stump on the first-stage score (1 above 0.5, else 0); three candidates, the vote on the last.
        var stump = HandMadeModels.Stump(FaqFeatureNames.All, FaqFeatureNames.FirstStageScore, 0.5f, 0, 1);
        var model = new FaqRankerModel(FaqFeatureNames.All, new MlNetRankerParameters { NeighbourVoteWeight = 0.5 }, stump.Trees, stump.Metadata);
        var n = FaqFeatureNames.Count;
        var features = new float[3 * n];
        features[FaqFeatureNames.FirstStageScore] = 1f;
        features[(2 * n) + FaqFeatureNames.NearestQueriesGrade] = 2f;
        var (plain, fused) = (new float[3], new float[3]);

        // Act
        stump.Score(features, plain);
        model.Score(features, fused);

        // Assert: tree scores (1, 0, 0) standardise to (√2, −1/√2, −1/√2); half the vote of 2 lifts the last by 1.
        Assert.Equal([1f, 0f, 0f], plain);
        var root2 = MathF.Sqrt(2f);
        float[] expected = [root2, -1f / root2, (-1f / root2) + 1f];
        for (var i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], fused[i], 5);
    }
}
