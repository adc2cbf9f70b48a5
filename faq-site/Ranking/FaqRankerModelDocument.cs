using System.Text.Json.Serialization;
using ConversationHub.Faq.Ranking.MlNet;

namespace ConversationHub.Faq.Ranking;

/// <summary>The JSON shape of a model file and of a stored model; <see cref="FormatVersion"/> changes whenever the shape does.</summary>
internal sealed record FaqRankerModelDocument
{
    [JsonPropertyName("formatVersion")]
    public required int FormatVersion { get; init; }

    [JsonPropertyName("model")]
    public required string Model { get; init; }

    [JsonPropertyName("featureNames")]
    public required IReadOnlyList<string> FeatureNames { get; init; }

    [JsonPropertyName("parameters")]
    public required MlNetRankerParameters Parameters { get; init; }

    [JsonPropertyName("training")]
    public required FaqRankerTrainingMetadata Training { get; init; }

    [JsonPropertyName("ensemble")]
    public required FlatTreeEnsembleDocument Ensemble { get; init; }
}
