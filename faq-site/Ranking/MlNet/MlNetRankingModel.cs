using Microsoft.ML;
using Microsoft.ML.Data;

namespace ConversationHub.Faq.Ranking.MlNet;

/// <summary>
/// One ranker as ML.NET trained it. The query path never sees this: it scores through the exported
/// <see cref="FlatTreeEnsemble"/> (thread-safe, no allocation, no <c>PredictionEngine</c>); the ML.NET transformer is
/// kept only to check that the flat copy scores exactly as ML.NET does.
/// </summary>
internal sealed class MlNetRankingModel
{
    private readonly MLContext _mlContext;
    private readonly ITransformer _transformer;
    private readonly DataViewSchema _inputSchema;

    internal MlNetRankingModel(
        string[] featureNames, MLContext mlContext, ITransformer transformer, DataViewSchema inputSchema, FlatTreeEnsemble trees)
    {
        FeatureNames = featureNames;
        _mlContext = mlContext;
        _transformer = transformer;
        _inputSchema = inputSchema;
        Trees = trees;
    }

    public IReadOnlyList<string> FeatureNames { get; }

    public FlatTreeEnsemble Trees { get; }

    /// <summary>Scores candidates stored row-major (candidate count × feature count) into <paramref name="scores"/>.</summary>
    public void Score(ReadOnlySpan<float> rowMajorFeatures, Span<float> scores) => Trees.Score(rowMajorFeatures, scores);

    /// <summary>Writes the ML.NET model (a zip with the transformer and its input schema) to <paramref name="stream"/>.</summary>
    public void Save(Stream stream) => _mlContext.Model.Save(_transformer, _inputSchema, stream);

    /// <summary>The size in bytes of the saved ML.NET model.</summary>
    public long SavedSize()
    {
        using var stream = new MemoryStream();
        Save(stream);
        return stream.Length;
    }

    /// <summary>Every row's score as ML.NET's transformer computes it (batch; for checks, not the query path).</summary>
    public float[] ScoreWithTransformer(RankingDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var scored = _transformer.Transform(RankingDataView.Create(_mlContext, dataset));
        return [.. scored.GetColumn<float>("Score")];
    }
}
