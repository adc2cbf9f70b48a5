using ConversationHub.Core.Conversations.Domain;

namespace ConversationHub.Core.Conversations.Services;

/// <summary>
/// Conversations and transcripts. The invariant every channel relies on: an activity is durably in the
/// transcript, with its sequence number, before anyone is told about it.
/// </summary>
public interface IConversationStore
{
    /// <summary>Starts a new conversation owned by the bot.</summary>
    Task<Conversation> StartAsync(ConversationChannel channel, string citizenKey, CancellationToken cancellationToken);

    /// <summary>
    /// Starts a new conversation owned by the bot that came through the entry of the program <paramref name="programId"/>
    /// (null: the standing service); its arrival's contact event carries the program.
    /// </summary>
    Task<Conversation> StartAsync(ConversationChannel channel, string citizenKey, Guid? programId, CancellationToken cancellationToken);

    /// <summary>The citizen's open conversation on the channel, if any (the most recent one).</summary>
    Task<Conversation?> FindOpenAsync(ConversationChannel channel, string citizenKey, CancellationToken cancellationToken);

    /// <summary>
    /// The citizen's most recent conversation on the channel that an agent closed and that still awaits the answer to
    /// the satisfaction question at <paramref name="nowUtc"/>, if any.
    /// </summary>
    Task<Conversation?> FindAwaitingSurveyAsync(ConversationChannel channel, string citizenKey, DateTime nowUtc, CancellationToken cancellationToken);

    /// <summary>A conversation by id, or null.</summary>
    Task<Conversation?> FindAsync(Guid conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Appends an activity, giving it the next sequence number, then announces
    /// <see cref="ConversationEventTopics.ActivityAdded"/> on every node. An activity whose
    /// <see cref="TranscriptActivity.ClientActivityId"/> is already in the transcript is not stored twice: the
    /// stored one is returned (a client retry).
    /// </summary>
    /// <exception cref="KeyNotFoundException">The conversation does not exist.</exception>
    Task<TranscriptActivity> AppendAsync(TranscriptActivity activity, CancellationToken cancellationToken);

    /// <summary>
    /// Appends several activities of one conversation in one transaction, in order (a channel that writes what it heard
    /// and what it says next together). Client ids are not checked here: use <see cref="AppendAsync(TranscriptActivity, CancellationToken)"/> for those.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The conversation does not exist.</exception>
    Task AppendAsync(IReadOnlyList<TranscriptActivity> activities, CancellationToken cancellationToken);

    /// <summary>Activities with a sequence greater than <paramref name="afterSequence"/>, in order, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<TranscriptActivity>> ReadAsync(Guid conversationId, long afterSequence, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Saves owner transitions made on <paramref name="conversation"/> and publishes their events.
    /// </summary>
    /// <exception cref="Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException">Another node moved it first.</exception>
    Task SaveAsync(Conversation conversation, CancellationToken cancellationToken);

    /// <summary>
    /// Inbound activities still waiting for their answer, stored at or before <paramref name="storedBeforeUtc"/>, whose
    /// lease is free or has run out; oldest first, at most <paramref name="max"/>.
    /// </summary>
    Task<IReadOnlyList<PendingTurn>> FindPendingTurnsAsync(DateTime storedBeforeUtc, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the lease on a pending turn for <paramref name="owner"/> until <paramref name="leaseUntilUtc"/>, in one
    /// atomic update, so two nodes never answer one activity at the same time.
    /// </summary>
    /// <returns>The inbound activity, or null when it is not pending or another owner's lease still runs.</returns>
    Task<TranscriptActivity?> ClaimTurnAsync(Guid conversationId, long sequence, string owner, DateTime leaseUntilUtc, CancellationToken cancellationToken);

    /// <summary>
    /// Marks a claimed turn done and appends its <paramref name="replies"/> in one transaction, only while
    /// <paramref name="owner"/> still holds the turn: an answer whose lease was taken over is discarded, so an
    /// activity is answered exactly once.
    /// </summary>
    /// <remarks><paramref name="contactEvents"/> (the turn's FAQ answer, a congestion message) are recorded in the same transaction.</remarks>
    /// <returns>False when the turn was no longer this owner's (nothing was written).</returns>
    Task<bool> CompleteTurnAsync(
        Guid conversationId, long sequence, string owner, IReadOnlyList<TranscriptActivity> replies, CancellationToken cancellationToken,
        IReadOnlyList<ContactEvents.Domain.ContactEvent>? contactEvents = null);

    /// <summary>
    /// Outbound activities of a push channel (<see cref="ConversationChannel.Line"/>, <see cref="ConversationChannel.Email"/>, <see cref="ConversationChannel.Voice"/>)
    /// still to deliver and due now, oldest first: what the channel's sender sends, also after a crash.
    /// </summary>
    Task<IReadOnlyList<PendingDelivery>> FindPendingDeliveriesAsync(ConversationChannel channel, int max, CancellationToken cancellationToken);

    /// <summary>
    /// The conversation's outbound activities still to deliver, due or not, in sequence order, at most
    /// <paramref name="max"/>: a sender that keeps a conversation's order waits while the first one is not due.
    /// </summary>
    Task<IReadOnlyList<TranscriptActivity>> ReadPendingDeliveriesAsync(Guid conversationId, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Outbound activities of a push channel given up after their retries (<see cref="DeliveryState.Failed"/>),
    /// newest first, at most <paramref name="max"/>: ids and counts only, for staff lists.
    /// </summary>
    Task<IReadOnlyList<FailedDelivery>> FindFailedDeliveriesAsync(ConversationChannel channel, int max, CancellationToken cancellationToken);

    /// <summary>Records that the activity has nothing the channel can show (for example an empty message), so nothing is sent.</summary>
    Task MarkDeliveryNotRequiredAsync(Guid activityId, CancellationToken cancellationToken);

    /// <summary>Records that the channel accepted the activity.</summary>
    Task MarkDeliveredAsync(Guid activityId, CancellationToken cancellationToken);

    /// <summary>
    /// Records a failed attempt: the sender tries again at <paramref name="retryAtUtc"/>, or, when it is null, gives up
    /// (<see cref="DeliveryState.Failed"/>, kept and shown to staff).
    /// </summary>
    Task MarkDeliveryFailedAsync(Guid activityId, DateTime? retryAtUtc, CancellationToken cancellationToken);

    /// <summary>Stores a file a citizen sent (encrypted at rest).</summary>
    Task SaveFileAsync(ConversationFile file, CancellationToken cancellationToken);

    /// <summary>The file, only when it belongs to <paramref name="conversationId"/>; otherwise null.</summary>
    Task<ConversationFile?> FindFileAsync(Guid conversationId, Guid fileId, CancellationToken cancellationToken);
}
