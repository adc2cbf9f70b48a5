using System.Text.Json.Serialization;

namespace ConversationHub.Bot.DirectLine.Wire;

/// <summary>The optional body of <c>/tokens/generate</c> and <c>/conversations</c>: <c>{"user":{"id":"…"}}</c>.</summary>
internal sealed record StartConversationRequest([property: JsonPropertyName("user")] ChannelAccount? User);
