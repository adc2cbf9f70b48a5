using System.Text.Json.Serialization;

namespace ConversationHub.Bot.DirectLine.Wire;

/// <summary>The Direct Line error object: a code such as <c>BadArgument</c> and a readable message.</summary>
internal sealed record DirectLineError(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message);
