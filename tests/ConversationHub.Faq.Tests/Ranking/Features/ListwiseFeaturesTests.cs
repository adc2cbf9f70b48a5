using ConversationHub.Faq.Ranking.Features;

namespace ConversationHub.Faq.Tests.Ranking.Features;

public sealed class ListwiseFeaturesTests
{
    private static readonly int N = FaqFeatureNames.Count;

    /// <summary>Rows of all-zero features with <paramref name="values"/> in column <paramref name="column"/>.</summary>
    private static float[] List(int column, params float[] values)
    {
        var features = new float[values.Length * N];
        for (var i = 0; i < values.Length; i++)
            features[(i * N) + column] = values[i];
        return features;
    }

    private static float[] Column(float[] features, int column) =>
        [.. Enumerable.Range(0, features.Length / N).Select(i => features[(i * N) + column])];

    [Fact]
    public void Write_FirstStageScores_ZScoreAndGapToNextWithinTheList()
    {
        // Arrange: scores 4, 2, 2, 0: mean 2, standard deviation sqrt(2).
        var features = List(FaqFeatureNames.FirstStageScore, 4f, 2f, 2f, 0f);

        // Act
        ListwiseFeatures.Write(features, 4);

        // Assert
        var root2 = MathF.Sqrt(2f);
        Assert.Equal([2f / root2, 0f, 0f, -2f / root2], Column(features, FaqFeatureNames.FirstStageScoreZ), new FloatTolerance(1e-6f));
        Assert.Equal([0.5f, 0f, 0.5f, 0f], Column(features, FaqFeatureNames.FirstStageGapToNext));
    }

    [Fact]
    public void Write_ConstantColumn_ZScoreIsZero()
    {
        // Arrange
        var features = List(FaqFeatureNames.LcsQueryRatio, 0.5f, 0.5f, 0.5f);

        // Act
        ListwiseFeatures.Write(features, 3);

        // Assert
        Assert.All(Column(features, FaqFeatureNames.LcsQueryRatioZ), z => Assert.Equal(0f, z));
        Assert.All(Column(features, FaqFeatureNames.LcsQueryRatioGapToBest), gap => Assert.Equal(0f, gap));
    }

    [Fact]
    public void Write_ConfirmedSimilarity_RankSharesTiesAndVotesShareOfBest()
    {
        // Arrange
        var features = List(FaqFeatureNames.ConfirmedQuerySimilarity, 0.2f, 0.9f, 0.2f, 0f);
        for (var i = 0; i < 4; i++)
            features[(i * N) + FaqFeatureNames.ConfirmedQueryVotes] = i;

        // Act
        ListwiseFeatures.Write(features, 4);

        // Assert
        Assert.Equal([2f, 1f, 2f, 4f], Column(features, FaqFeatureNames.ConfirmedQuerySimilarityRank));
        Assert.Equal([0f, 1f / 3f, 2f / 3f, 1f], Column(features, FaqFeatureNames.ConfirmedQueryVotesListShare));
    }

    [Fact]
    public void Write_LcsRatios_GapToTheBestCandidate()
    {
        // Arrange
        var features = List(FaqFeatureNames.LcsQueryRatio, 0.25f, 1f, 0.5f);

        // Act
        ListwiseFeatures.Write(features, 3);

        // Assert
        Assert.Equal([0.75f, 0f, 0.5f], Column(features, FaqFeatureNames.LcsQueryRatioGapToBest));
    }

    private sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(float obj) => 0;
    }
}
