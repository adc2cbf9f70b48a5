using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ConversationHub.Bot.DirectLine.Wire;

/// <summary>A page of activities and the watermark to ask from next (polling answers and stream frames).</summary>
internal sealed record ActivitySet(
    [property: JsonPropertyName("activities")] IReadOnlyList<JsonObject> Activities,
    [property: JsonPropertyName("watermark")] string Watermark);
