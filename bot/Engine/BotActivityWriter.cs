using System.Text.Json.Nodes;
using ConversationHub.Bot.Resources;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Bot.Engine;

/// <summary>
/// Writes the bot's activities to the transcript (transcript first; channels deliver from there). Each gets the bot
/// as <c>from</c> and a timestamp strictly after the conversation's last activity. One instance per turn.
/// </summary>
internal sealed class BotActivityWriter(IConversationStore store, TimeProvider time, IStringLocalizer<BotStrings> strings)
{
    public const string BotId = "faq-bot";

    private DateTime? _lastUtc;
    private bool _lastKnown;

    public async Task<TranscriptActivity> SendAsync(Conversation conversation, JsonObject activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(activity);
        if (!_lastKnown)
        {
            var last = conversation.LastSequence > 0
                ? await store.ReadAsync(conversation.Id, conversation.LastSequence - 1, 1, cancellationToken)
                : [];
            _lastUtc = last.Count > 0 ? last[0].TimestampUtc : null;
            _lastKnown = true;
        }

        var timestamp = ActivityTimestamps.Next(time.GetUtcNow().UtcDateTime, _lastUtc);
        activity["timestamp"] = ActivityTimestamps.Format(timestamp);
        activity["from"] = new JsonObject { ["id"] = BotId, ["name"] = strings["BotName"].Value, ["role"] = "bot" };
        var type = activity["type"]?.GetValue<string>() ?? "message";
        var stored = await store.AppendAsync(
            new TranscriptActivity(conversation.Id, ActivityDirection.Outbound, type, "bot", activity.ToJsonString(), timestamp),
            cancellationToken);
        _lastUtc = timestamp;
        return stored;
    }
}
