using System.Text.Json.Nodes;

namespace ConversationHub.Bot.DirectLine.Activities;

/// <summary>A client's activity after validation, normalised for the transcript.</summary>
internal sealed record InboundActivity(JsonObject Json, string Type, string? Text, string? ClientActivityId)
{
    /// <summary>The event name for <c>event</c> activities (Web Chat pages send <c>webchat/join</c> on connect).</summary>
    public string? EventName => Json["name"] is JsonValue name && name.TryGetValue<string>(out var value) ? value : null;

    /// <summary>Whether the message carries something the bot can answer.</summary>
    public bool HasText => !string.IsNullOrWhiteSpace(Text);
}
