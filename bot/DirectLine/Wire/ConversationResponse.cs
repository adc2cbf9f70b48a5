using System.Text.Json.Serialization;

namespace ConversationHub.Bot.DirectLine.Wire;

/// <summary>The Direct Line <c>Conversation</c> object (answers of token and conversation calls).</summary>
internal sealed record ConversationResponse(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("streamUrl"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? StreamUrl = null,
    [property: JsonPropertyName("referenceGrammarId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ReferenceGrammarId = null);
