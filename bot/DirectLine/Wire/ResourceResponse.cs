using System.Text.Json.Serialization;

namespace ConversationHub.Bot.DirectLine.Wire;

/// <summary><c>{"id":"…"}</c>: the id given to a posted activity.</summary>
internal sealed record ResourceResponse([property: JsonPropertyName("id")] string Id);
