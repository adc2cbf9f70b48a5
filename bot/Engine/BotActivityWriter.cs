using System.Text.Json.Nodes;
using ConversationHub.Bot.Resources;
using ConversationHub.Core.ContactEvents.Domain;
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
/// marks the citizen's activity answered, so a turn is answered once even when a node dies half-way. Once committed,
/// the answer is whole, and the <see cref="IBotAnswerListener"/>s are told so.
/// </remarks>
internal sealed class BotActivityWriter(IConversationStore store, TimeProvider time, IStringLocalizer<BotStrings> strings, IEnumerable<IBotAnswerListener> answerListeners)
{
    public const string BotId = "faq-bot";

    private readonly List<TranscriptActivity> _pending = [];
    private readonly List<Func<CancellationToken, Task>> _afterCommit = [];
    private readonly List<ContactEvent> _contactEvents = [];
    private DateTime? _lastUtc;
    private ConversationChannel? _channel;

    /// <summary>The activities collected so far and not yet committed (the turn's answer).</summary>
    public IReadOnlyList<TranscriptActivity> Pending => _pending;

    /// <summary>Adds an activity to the turn's answer (typing indicators are written at once).</summary>
    public async Task SendAsync(Conversation conversation, JsonObject activity, CancellationToken cancellationToken)
    {
        var transcript = Stamp(conversation, activity);
        if (string.Equals(transcript.Type, "typing", StringComparison.Ordinal))
        {
            await store.AppendAsync(transcript, cancellationToken);
            return;
        }

        _pending.Add(transcript);
    }

    /// <summary>
    /// Work that must happen once per answered turn, such as feedback for the ranker: it runs after
    /// <see cref="CommitAsync"/> has written the answer, and not at all when the turn was taken over. A turn retried
    /// after a crash before its commit therefore records nothing twice; a crash between the commit and this work loses
    /// it, which the ranker tolerates better than a doubled signal.
    /// </summary>
    public void AfterCommit(Func<CancellationToken, Task> work) => _afterCommit.Add(work);

    /// <summary>
    /// Adds a contact event of the turn (an FAQ answer, a congestion message): it is stored by <see cref="CommitAsync"/>
    /// in the transaction that completes the turn, so a turn taken over or retried records it once.
    /// </summary>
    public void Record(ContactEvent contactEvent) => _contactEvents.Add(contactEvent);

    /// <summary>
    /// Writes an activity at once, outside any turn: for a channel adapter's own short replies (a sticker's thanks, a
    /// follow greeting) to an inbound activity that it stored as already answered.
    /// </summary>
    public async Task SendNowAsync(Conversation conversation, JsonObject activity, CancellationToken cancellationToken) =>
        await store.AppendAsync(Stamp(conversation, activity), cancellationToken);

    private TranscriptActivity Stamp(Conversation conversation, JsonObject activity)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(activity);

        // PERF: no read of the conversation's last timestamp here: the store moves a timestamp that is not after its
        // predecessor's when it appends (inside the append's transaction, where it is final), so a read here was a
        // round-trip per turn that the store repeated anyway. This only keeps the turn's own activities apart.
        var timestamp = ActivityTimestamps.Next(time.GetUtcNow().UtcDateTime, _lastUtc);
        activity["timestamp"] = ActivityTimestamps.Format(timestamp);
        activity["from"] = new JsonObject { ["id"] = BotId, ["name"] = strings["BotName"].Value, ["role"] = "bot" };
        var type = activity["type"]?.GetValue<string>() ?? "message";
        _lastUtc = timestamp;
        _channel = conversation.Channel;
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
        var afterCommit = _afterCommit.ToList();
        _afterCommit.Clear();
        var contactEvents = _contactEvents.ToList();
        _contactEvents.Clear();
        if (turn.Sequence > 0)
        {
            if (!await store.CompleteTurnAsync(turn.ConversationId, turn.Sequence, owner, replies, cancellationToken, contactEvents))
            {
                return false;
            }
        }
        else
        {
            foreach (var reply in replies)
            {
                await store.AppendAsync(reply, cancellationToken);
            }
        }

        // Before the after-commit work (ranker feedback): the citizen's answer should not wait for bookkeeping.
        if (replies.Count > 0 && _channel is { } channel)
        {
            foreach (var listener in answerListeners)
            {
                listener.OnAnswerCommitted(turn.ConversationId, channel);
            }
        }

        foreach (var work in afterCommit)
        {
            await work(cancellationToken);
        }

        return true;
    }
}
