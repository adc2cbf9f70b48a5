using ConversationHub.Faq.Ranking;
using ConversationHub.Faq.Ranking.MlNet;
using ConversationHub.Faq.Ranking.Training;
using ConversationHub.Faq.Tests.Ranking.Training;
using ConversationHub.Faq.Ranking.Features;
using ConversationHub.Testing;

namespace ConversationHub.Faq.Tests.Ranking;

public sealed class FaqRankerModelSerializerTests
{
    private static readonly DateTimeOffset TrainedAt = new(2026, 11, 24, 9, 30, 0, TimeSpan.Zero);

    private static readonly Lazy<FaqRankerModel> Trained = new(TrainSmallModel);

    [Fact]
    public void Deserialize_SerializedTrainedModel_ScoresBitIdenticalOnRandomInputs()
    {
        // Arrange
        var model = Trained.Value;
        var random = new DeterministicRandom(99);
        var inputs = new float[2000 * model.FeatureCount];
        for (var i = 0; i < inputs.Length; i++)
            inputs[i] = (float)((random.NextDouble() * 1.4) - 0.2);

        // Act
        var json = FaqRankerModelSerializer.Serialize(model);
        var loaded = FaqRankerModelSerializer.Deserialize(json, model.FeatureNames);

        // Assert
        Assert.Equal(FaqRankerTraining.EnsembleSize, model.Metadata.Members);
        Assert.InRange(model.TreeCount, FaqRankerTraining.EnsembleSize, int.MaxValue);
        for (var row = 0; row < 2000; row++)
        {
            var features = inputs.AsSpan(row * model.FeatureCount, model.FeatureCount);
            Assert.Equal(
                BitConverter.SingleToInt32Bits(model.Score(features)),
                BitConverter.SingleToInt32Bits(loaded.Score(features)));
        }

        Assert.Equal(json, FaqRankerModelSerializer.Serialize(loaded));
        Assert.Equal(model.Metadata, loaded.Metadata);
        Assert.Equal(model.Parameters, loaded.Parameters);
    }

    [Fact]
    public void Deserialize_AwkwardNumbers_RoundTripBitForBit()
    {
        // Arrange: values whose shortest decimal form is long, subnormal, signed zero or infinite.
        float[] thresholds = [1f / 3f, float.Epsilon, -0f, float.NegativeInfinity, 16777217f, 0.1f];
        double[] leaves = [double.MaxValue / 4, 1e-300, 1e-38, -0.0, Math.E, 1.0 / 7, -double.Epsilon];
        var model = HandMadeModels.Of(["a", "b"], new FlatTreeEnsembleDocument
        {
            Bias = 0.1,
            Roots = [0],
            SplitFeatures = [0, 1, 0, 1, 0, 1],
            Thresholds = thresholds,
            LeftChildren = [1, 2, 3, 4, 5, ~0],
            RightChildren = [~1, ~2, ~3, ~4, ~5, ~6],
            LeafValues = leaves,
        });

        // Act
        var loaded = FaqRankerModelSerializer.Deserialize(FaqRankerModelSerializer.Serialize(model), ["a", "b"]);

        // Assert
        var document = loaded.Trees.ToDocument();
        Assert.Equal(thresholds.Select(BitConverter.SingleToInt32Bits), document.Thresholds.Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(leaves.Select(BitConverter.DoubleToInt64Bits), document.LeafValues.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(0.1, document.Bias);
    }

    [Fact]
    public void Deserialize_FeatureMissingFromModel_ThrowsNamingTheMismatch()
    {
        // Arrange
        var json = FaqRankerModelSerializer.Serialize(HandMadeModels.Stump(SyntheticRankingData.FeatureNames(5), 0, 0.5f, -1, 1));
        string[] expected = [.. SyntheticRankingData.FeatureNames(5)[..4], "bm25_title"];

        // Act
        var exception = Assert.Throws<RankingFeatureMismatchException>(() => FaqRankerModelSerializer.Deserialize(json, expected));

        // Assert
        Assert.Contains("Not in the model: bm25_title", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Only in the model: f4", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_SameFeaturesInAnotherOrder_ThrowsNamingThePosition()
    {
        // Arrange
        var json = FaqRankerModelSerializer.Serialize(HandMadeModels.Stump(SyntheticRankingData.FeatureNames(5), 0, 0.5f, -1, 1));
        string[] expected = ["f0", "f2", "f1", "f3", "f4"];

        // Act
        var exception = Assert.Throws<RankingFeatureMismatchException>(() => FaqRankerModelSerializer.Deserialize(json, expected));

        // Assert
        Assert.Contains("position 1: model 'f1', expected 'f2'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_HandWrittenLambdaMartFile_ThrowsAskingForARetrain()
    {
        // Arrange: format 1 was the hand-written learner's trees.
        var json = FaqRankerModelSerializer.Serialize(HandMadeModels.Stump(["a"], 0, 0.5f, -1, 1)).Replace(
            "\"formatVersion\": 2", "\"formatVersion\": 1", StringComparison.Ordinal);

        // Act
        var exception = Assert.Throws<InvalidDataException>(() => FaqRankerModelSerializer.Deserialize(json));

        // Assert
        Assert.Contains("version 1 is not supported", exception.Message, StringComparison.Ordinal);
        Assert.Contains("retrain", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"formatVersion\": 2}")]
    [InlineData("[1, 2]")]
    [InlineData("not json")]
    public void Deserialize_NotAModel_ThrowsInvalidData(string json)
    {
        // Act + Assert
        Assert.Throws<InvalidDataException>(() => FaqRankerModelSerializer.Deserialize(json));
    }

    [Theory]
    [InlineData("\"leftChildren\": [\n      1,\n      0\n    ]")] // node 1 points back at node 0: a cycle
    [InlineData("\"leftChildren\": [\n      1,\n      -9\n    ]")] // a leaf that does not exist
    [InlineData("\"splitFeatures\": [\n      0,\n      4\n    ]")] // a feature the model does not have
    public void Deserialize_CorruptTrees_ThrowsInvalidData(string corruption)
    {
        // Arrange: two nodes, three leaves.
        var json = FaqRankerModelSerializer.Serialize(HandMadeModels.Of(["a"], new FlatTreeEnsembleDocument
        {
            Bias = 0, Roots = [0], SplitFeatures = [0, 0], Thresholds = [0.5f, 0.7f], LeftChildren = [1, ~0], RightChildren = [~1, ~2], LeafValues = [1, 2, 3],
        }));
        var property = corruption[..(corruption.IndexOf(':', StringComparison.Ordinal) + 1)];
        var start = json.IndexOf(property, StringComparison.Ordinal);
        var end = json.IndexOf(']', start) + 1;
        var corrupted = string.Concat(json.AsSpan(0, start), corruption, json.AsSpan(end));
        Assert.NotEqual(json, corrupted);

        // Act + Assert
        Assert.Throws<InvalidDataException>(() => FaqRankerModelSerializer.Deserialize(corrupted));
    }

    [Fact]
    public void ToMarkdown_TrainedModel_ListsTrainerFeaturesMetricsAndHash()
    {
        // Arrange
        var model = Trained.Value;

        // Act
        var card = FaqRankerModelCard.ToMarkdown(model);

        // Assert
        Assert.Contains(model.Metadata.TrainingDataHash, card, StringComparison.Ordinal);
        Assert.Contains("FastTree LambdaRank", card, StringComparison.Ordinal);
        Assert.Contains("2026-11-24 09:30:00 UTC", card, StringComparison.Ordinal);
        Assert.Contains($"{FaqFeatureNames.Count}. `{FaqFeatureNames.All[^1]}`", card, StringComparison.Ordinal);
        Assert.Contains("| training (averaged model) |", card, StringComparison.Ordinal);
    }

    private static FaqRankerModel TrainSmallModel()
    {
        var dataset = SyntheticFaqCorpus.Create(topics: 40, seed: 11);
        var queries = DatasetCandidates.Build(dataset, candidateCount: 20, NeutralFaqSignals.Instance, CancellationToken.None);
        return FaqRankerTraining.Train(queries, seed: 1, new TestClock(TrainedAt), progress: null, CancellationToken.None);
    }
}
