using ConversationHub.Faq.Ranking;

namespace ConversationHub.Faq.Tests.Ranking;

public sealed class FeatureBinsTests
{
    [Fact]
    public void Build_ManyDistinctValues_BinsAgreeWithThresholds()
    {
        // Arrange: a continuous feature, a feature with a heavy repeated value, and infinities.
        var random = new DeterministicRandom(7);
        const int rows = 5000;
        var values = new float[rows * 3];
        for (var row = 0; row < rows; row++)
        {
            values[row * 3] = (float)SyntheticRankingData.Gaussian(random);
            values[(row * 3) + 1] = random.NextDouble() < 0.6 ? 0f : (float)random.NextDouble();
            values[(row * 3) + 2] = row % 100 == 0 ? float.NegativeInfinity : row % 101 == 0 ? float.PositiveInfinity : row;
        }

        var data = new RankingDatasetBuilder(["a", "b", "c"]).AddQuery("q", values, new int[rows]).Build();

        // Act
        var bins = FeatureBins.Build(data, 64);

        // Assert: bin b holds exactly the values in (Threshold(b - 1), Threshold(b)].
        for (var f = 0; f < 3; f++)
        {
            Assert.InRange(bins.BinCount(f), 2, 64);
            var column = bins.Column(f);
            for (var row = 0; row < rows; row++)
            {
                var value = data.Feature(row, f);
                var bin = column[row];
                if (bin < bins.BinCount(f) - 1)
                    Assert.True(value <= bins.Threshold(f, bin));
                if (bin > 0)
                    Assert.True(value > bins.Threshold(f, bin - 1));
            }
        }
    }

    [Fact]
    public void Build_FewDistinctValues_OneBinPerValue()
    {
        // Arrange
        float[] values = [3, 1, 2, 1, 3, 3];
        var data = new RankingDatasetBuilder(["x"]).AddQuery("q", values, new int[6]).Build();

        // Act
        var bins = FeatureBins.Build(data, 255);

        // Assert
        Assert.Equal(3, bins.BinCount(0));
        Assert.Equal(new byte[] { 2, 0, 1, 0, 2, 2 }, bins.Column(0));
        Assert.Equal(1.5f, bins.Threshold(0, 0));
        Assert.Equal(2.5f, bins.Threshold(0, 1));
    }
}
