using System.Text.Json.Nodes;
using ConversationHub.Bot.Resources;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Bot.Engine;

/// <summary>
/// Collects the bot's activities of one turn and writes them to the transcript (transcript first; channels deliver
/// from there). Each gets the bot as <c>from</c> and a timestamp strictly after the previous one. One instance per turn.
/// </summary>
/// <remarks>
/// Typing indicators are written at once (they are what the citizen sees while the bot works, and harmless if a
/// retried turn writes one more); the answer is written by <see cref="CommitAsync"/> in the same transaction that
/// marks the citizen's activity answered, so a turn is answered once even when a node dies half-way.
/// </remarks>
internal sealed class BotActivityWriter(IConversationStore store, TimeProvider time, IStringLocalizer<BotStrings> strings)
{
    public const string BotId = "faq-bot";

    private readonly List<TranscriptActivity> _pending = [];
    private DateTime? _lastUtc;
    private bool _lastKnown;

    /// <summary>The activities collected so far and not yet committed (the turn's answer).</summary>
    public IReadOnlyList<TranscriptActivity> Pending => _pending;

    /// <summary>Adds an activity to the turn's answer (typing indicators are written at once).</summary>
    public async Task SendAsync(Conversation conversation, JsonObject activity, CancellationToken cancellationToken)
    {
        var transcript = await StampAsync(conversation, activity, cancellationToken);
        if (string.Equals(transcript.Type, "typing", StringComparison.Ordinal))
        {
            await store.AppendAsync(transcript, cancellationToken);
            return;
        }

        _pending.Add(transcript);
    }

    /// <summary>
    /// Writes an activity at once, outside any turn: for a channel adapter's own short replies (a sticker's thanks, a
    /// follow greeting) to an inbound activity that it stored as already answered.
    /// </summary>
    public async Task SendNowAsync(Conversation conversation, JsonObject activity, CancellationToken cancellationToken) =>
        await store.AppendAsync(await StampAsync(conversation, activity, cancellationToken), cancellationToken);

    private async Task<TranscriptActivity> StampAsync(Conversation conversation, JsonObject activity, CancellationToken cancellationToken)
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
        _lastUtc = timestamp;
        return new TranscriptActivity(conversation.Id, ActivityDirection.Outbound, type, "bot", activity.ToJsonString(), timestamp);
    }

    /// <summary>
    /// Writes the collected answer. For a turn on a stored activity, only while <paramref name="owner"/> still holds
    /// it; false when the turn was taken over (nothing written).
    /// </summary>
    public async Task<bool> CommitAsync(BotTurn turn, string owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var replies = _pending.ToList();
        _pending.Clear();
        if (turn.Sequence > 0)
        {
            return await store.CompleteTurnAsync(turn.ConversationId, turn.Sequence, owner, replies, cancellationToken);
        }

        foreach (var reply in replies)
        {
            await store.AppendAsync(reply, cancellationToken);
        }

        return true;
    }
}
