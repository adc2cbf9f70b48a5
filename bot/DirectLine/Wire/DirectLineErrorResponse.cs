using System.Text.Json.Serialization;

namespace ConversationHub.Bot.DirectLine.Wire;

/// <summary><c>{"error":{"code":"…","message":"…"}}</c>, the body of every Direct Line error.</summary>
internal sealed record DirectLineErrorResponse([property: JsonPropertyName("error")] DirectLineError Error);
