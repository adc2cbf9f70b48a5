using System.Text.Json.Serialization;

namespace ConversationHub.Faq.Ranking.MlNet;

/// <summary>
/// The stored shape of a <see cref="FlatTreeEnsemble"/>: parallel arrays over the internal nodes of all trees.
/// A child (or root) reference that is zero or more is a node; a negative one, <c>~r</c>, is leaf <c>r</c>.
/// </summary>
internal sealed record FlatTreeEnsembleDocument
{
    [JsonPropertyName("bias")]
    public required double Bias { get; init; }

    [JsonPropertyName("roots")]
    public required IReadOnlyList<int> Roots { get; init; }

    [JsonPropertyName("splitFeatures")]
    public required IReadOnlyList<int> SplitFeatures { get; init; }

    [JsonPropertyName("thresholds")]
    public required IReadOnlyList<float> Thresholds { get; init; }

    [JsonPropertyName("leftChildren")]
    public required IReadOnlyList<int> LeftChildren { get; init; }

    [JsonPropertyName("rightChildren")]
    public required IReadOnlyList<int> RightChildren { get; init; }

    [JsonPropertyName("leafValues")]
    public required IReadOnlyList<double> LeafValues { get; init; }
}
