using System.Text.Json.Serialization;

namespace ConversationHub.Core.Conversations.Services;

[JsonSerializable(typeof(ActivityAddedPayload))]
internal sealed partial class ConversationJsonContext : JsonSerializerContext;
