using System.Text.Json.Serialization;

namespace ConversationHub.Core.Conversations.Services;

/// <summary>The payload of <c>conversation.activity_added</c>: ids only, the activity itself stays in the database.</summary>
public sealed record ActivityAddedPayload(
    [property: JsonPropertyName("conversationId")] Guid ConversationId,
    [property: JsonPropertyName("sequence")] long Sequence);
