using System.Text.Json.Serialization;

namespace ConversationHub.Bot.DirectLine.Wire;

/// <summary>A Bot Framework channel account (only the id is read).</summary>
internal sealed record ChannelAccount([property: JsonPropertyName("id")] string? Id, [property: JsonPropertyName("name")] string? Name);
