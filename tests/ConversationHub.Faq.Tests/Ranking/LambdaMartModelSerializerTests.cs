using ConversationHub.Faq.Ranking;
using ConversationHub.Testing;

namespace ConversationHub.Faq.Tests.Ranking;

public sealed class LambdaMartModelSerializerTests
{
    private static readonly DateTimeOffset TrainedAt = new(2026, 11, 24, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Deserialize_SerializedTrainedModel_ScoresBitIdenticalOnRandomInputs()
    {
        // Arrange
        var model = TrainSmallModel();
        var random = new DeterministicRandom(99);
        var inputs = new float[2000 * model.FeatureCount];
        for (var i = 0; i < inputs.Length; i++)
            inputs[i] = (float)((random.NextDouble() * 1.4) - 0.2);

        // Act
        var json = LambdaMartModelSerializer.Serialize(model);
        var loaded = LambdaMartModelSerializer.Deserialize(json, model.FeatureNames);

        // Assert
        for (var row = 0; row < 2000; row++)
        {
            var features = inputs.AsSpan(row * model.FeatureCount, model.FeatureCount);
            Assert.Equal(
                BitConverter.SingleToInt32Bits(model.Score(features)),
                BitConverter.SingleToInt32Bits(loaded.Score(features)));
        }

        Assert.Equal(json, LambdaMartModelSerializer.Serialize(loaded));
        Assert.Equal(model.Metadata, loaded.Metadata);
        Assert.Equal(model.Parameters, loaded.Parameters);
    }

    [Fact]
    public void Deserialize_AwkwardFloats_RoundTripBitForBit()
    {
        // Arrange: values whose shortest decimal form is long, subnormal, signed zero or infinite.
        float[] thresholds = [1f / 3f, float.Epsilon, -0f, float.NegativeInfinity, 16777217f, 0.1f];
        float[] leaves = [float.MaxValue, -float.MinValue / 3, 1e-38f, -0f, 2.7182817f, 1f / 7f, -1e-45f];
        var tree = new RegressionTree(
            [0, 1, 0, 1, 0, 1], thresholds, [1, 2, 3, 4, 5, ~0], [~1, ~2, ~3, ~4, ~5, ~6], leaves);
        var model = new LambdaMartModel(["a", "b"], new LambdaMartParameters { LearningRate = 0.1 }, [tree], Metadata());

        // Act
        var loaded = LambdaMartModelSerializer.Deserialize(LambdaMartModelSerializer.Serialize(model), ["a", "b"]);

        // Assert
        var loadedTree = Assert.Single(loaded.Trees);
        Assert.Equal(thresholds.Select(BitConverter.SingleToInt32Bits), loadedTree.Thresholds.Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(leaves.Select(BitConverter.SingleToInt32Bits), loadedTree.LeafValues.Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(0.1, loaded.Parameters.LearningRate);
    }

    [Fact]
    public void Deserialize_FeatureMissingFromModel_ThrowsNamingTheMismatch()
    {
        // Arrange
        var json = LambdaMartModelSerializer.Serialize(TrainSmallModel());
        string[] expected = [.. SyntheticRankingData.FeatureNames(5)[..4], "bm25_title"];

        // Act
        var exception = Assert.Throws<RankingFeatureMismatchException>(() => LambdaMartModelSerializer.Deserialize(json, expected));

        // Assert
        Assert.Contains("Not in the model: bm25_title", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Only in the model: f4", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_SameFeaturesInAnotherOrder_ThrowsNamingThePosition()
    {
        // Arrange
        var json = LambdaMartModelSerializer.Serialize(TrainSmallModel());
        string[] expected = ["f0", "f2", "f1", "f3", "f4"];

        // Act
        var exception = Assert.Throws<RankingFeatureMismatchException>(() => LambdaMartModelSerializer.Deserialize(json, expected));

        // Assert
        Assert.Contains("position 1: model 'f1', expected 'f2'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_UnsupportedFormatVersion_ThrowsInvalidData()
    {
        // Arrange
        var json = LambdaMartModelSerializer.Serialize(TrainSmallModel()).Replace(
            "\"formatVersion\": 1", "\"formatVersion\": 2", StringComparison.Ordinal);

        // Act
        var exception = Assert.Throws<InvalidDataException>(() => LambdaMartModelSerializer.Deserialize(json));

        // Assert
        Assert.Contains("version 2 is not supported", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"formatVersion\": 1}")]
    [InlineData("[1, 2]")]
    [InlineData("not json")]
    public void Deserialize_NotAModel_ThrowsInvalidData(string json)
    {
        // Act + Assert
        Assert.Throws<InvalidDataException>(() => LambdaMartModelSerializer.Deserialize(json));
    }

    [Fact]
    public void Deserialize_TreeWithCycle_ThrowsInvalidData()
    {
        // Arrange: node 1's left child points back at node 0.
        var json = LambdaMartModelSerializer.Serialize(new LambdaMartModel(
            ["a"], new LambdaMartParameters(), [new RegressionTree([0, 0], [0.5f, 0.7f], [1, ~0], [~1, ~2], [1f, 2f, 3f])], Metadata()));
        var corrupted = json.Replace("\"leftChildren\": [\n        1,\n        -1\n      ]", "\"leftChildren\": [\n        1,\n        0\n      ]", StringComparison.Ordinal);
        Assert.NotEqual(json, corrupted);

        // Act + Assert
        Assert.Throws<InvalidDataException>(() => LambdaMartModelSerializer.Deserialize(corrupted));
    }

    [Fact]
    public void ToMarkdown_TrainedModel_ListsFeaturesMetricsAndHash()
    {
        // Arrange
        var model = TrainSmallModel();

        // Act
        var card = LambdaMartModelCard.ToMarkdown(model);

        // Assert
        Assert.Contains(model.Metadata.TrainingDataHash, card, StringComparison.Ordinal);
        Assert.Contains("2026-11-24 09:30:00 UTC", card, StringComparison.Ordinal);
        Assert.Contains("5. `f4`", card, StringComparison.Ordinal);
        Assert.Contains("| training |", card, StringComparison.Ordinal);
    }

    private static LambdaMartModel TrainSmallModel()
    {
        var data = SyntheticRankingData.Nonlinear(queries: 40, candidates: 15, features: 5, seed: 11);
        var parameters = new LambdaMartParameters { TreeCount = 20, MaxLeaves = 8, MinLeafRows = 5, EarlyStoppingRounds = 0 };
        return new LambdaMartTrainer(new TestClock(TrainedAt)).Train(data, null, parameters);
    }

    private static LambdaMartTrainingMetadata Metadata() => new()
    {
        TrainingDataHash = "00",
        TrainingQueries = 1,
        TrainingRows = 1,
        NdcgCutoff = 10,
        TrainingNdcg = 1,
        BestIteration = 1,
        IterationsRun = 1,
        Seed = 1,
        TrainedAt = TrainedAt,
    };
}
