using System.Text.Json.Serialization;

namespace ConversationHub.Faq.Ranking;

/// <summary>The JSON shape of a model file; <see cref="FormatVersion"/> changes whenever the shape does.</summary>
internal sealed record LambdaMartModelDocument
{
    [JsonPropertyName("formatVersion")]
    public required int FormatVersion { get; init; }

    [JsonPropertyName("model")]
    public required string Model { get; init; }

    [JsonPropertyName("featureNames")]
    public required IReadOnlyList<string> FeatureNames { get; init; }

    [JsonPropertyName("parameters")]
    public required LambdaMartParameters Parameters { get; init; }

    [JsonPropertyName("training")]
    public required LambdaMartTrainingMetadata Training { get; init; }

    [JsonPropertyName("trees")]
    public required IReadOnlyList<RegressionTreeDocument> Trees { get; init; }
}
