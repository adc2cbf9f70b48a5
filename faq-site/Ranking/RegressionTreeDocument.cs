using System.Text.Json.Serialization;

namespace ConversationHub.Faq.Ranking;

/// <summary>One tree in the model file, as parallel arrays over internal nodes (see <see cref="RegressionTree"/>).</summary>
internal sealed record RegressionTreeDocument
{
    [JsonPropertyName("splitFeatures")]
    public required IReadOnlyList<int> SplitFeatures { get; init; }

    [JsonPropertyName("thresholds")]
    public required IReadOnlyList<float> Thresholds { get; init; }

    [JsonPropertyName("leftChildren")]
    public required IReadOnlyList<int> LeftChildren { get; init; }

    [JsonPropertyName("rightChildren")]
    public required IReadOnlyList<int> RightChildren { get; init; }

    [JsonPropertyName("leafValues")]
    public required IReadOnlyList<float> LeafValues { get; init; }
}
