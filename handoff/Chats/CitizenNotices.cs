using System.Text.Json.Nodes;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Handoff.Resources;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Chats;

/// <summary>
/// What the queue and the agents say to the citizen, written to the transcript like any other outbound activity (the
/// channels deliver from there). Bot Framework's handoff convention: <c>handoff.status</c> events with the state, and
/// plain messages for what the citizen should read.
/// </summary>
internal sealed class CitizenNotices(IConversationStore store, IStringLocalizer<HandoffStrings> strings, TimeProvider time)
{
    public const string QueueId = "hub-queue";
    public const string AgentRole = "agent";

    /// <summary>A <c>handoff.status</c> event (not shown as a message; the web chat widget reads it).</summary>
    public Task StatusAsync(Guid conversationId, string state, JsonObject? details, CancellationToken cancellationToken)
    {
        var value = details ?? [];
        value["state"] = state;
        var activity = new JsonObject { ["type"] = "event", ["name"] = "handoff.status", ["value"] = value };
        return AppendAsync(conversationId, activity, "bot", QueueFrom(), null, cancellationToken);
    }

    /// <summary>A message from the center (not from an agent), with optional suggested replies.</summary>
    public Task MessageAsync(Guid conversationId, string text, IEnumerable<string>? replies, string? onceKey, CancellationToken cancellationToken)
    {
        var activity = Message(text, replies);
        return AppendAsync(conversationId, activity, "bot", QueueFrom(), onceKey, cancellationToken);
    }

    /// <summary>An agent's message; <paramref name="clientId"/> makes a resend of the same message a no-op.</summary>
    public Task<TranscriptActivity> AgentMessageAsync(Guid conversationId, string text, string? clientId, CancellationToken cancellationToken) =>
        AppendAsync(conversationId, Message(text, null), AgentRole, AgentFrom(), clientId is null ? null : "agent:" + clientId, cancellationToken);

    /// <summary>The agent's typing indicator (web chat shows it as the bot typing).</summary>
    public Task AgentTypingAsync(Guid conversationId, CancellationToken cancellationToken) =>
        AppendAsync(conversationId, new JsonObject { ["type"] = "typing" }, AgentRole, AgentFrom(), null, cancellationToken);

    private static JsonObject Message(string text, IEnumerable<string>? replies)
    {
        var activity = new JsonObject { ["type"] = "message", ["locale"] = "ja-JP", ["textFormat"] = "plain", ["text"] = text };
        var actions = replies?.Select(r => (JsonNode)new JsonObject { ["type"] = "imBack", ["title"] = r, ["value"] = r }).ToArray() ?? [];
        if (actions.Length > 0)
        {
            activity["suggestedActions"] = new JsonObject { ["actions"] = new JsonArray(actions) };
        }

        return activity;
    }

    private JsonObject QueueFrom() => new() { ["id"] = QueueId, ["name"] = strings["QueueName"].Value, ["role"] = "bot" };

    // Citizens see "オペレーター", never the agent's own name (staff names are personal data).
    private JsonObject AgentFrom() => new() { ["id"] = "hub-agent", ["name"] = strings["AgentName"].Value, ["role"] = "bot" };

    private async Task<TranscriptActivity> AppendAsync(Guid conversationId, JsonObject activity, string fromRole, JsonObject from, string? onceKey, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        activity["timestamp"] = ActivityTimestamps.Format(now);
        activity["from"] = from;
        var type = activity["type"]!.GetValue<string>();
        return await store.AppendAsync(
            new TranscriptActivity(conversationId, ActivityDirection.Outbound, type, fromRole, activity.ToJsonString(), now) { ClientActivityId = onceKey },
            cancellationToken);
    }
}
