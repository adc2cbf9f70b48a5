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

    /// <summary>The citizen's open conversation on the channel, if any (the most recent one).</summary>
    Task<Conversation?> FindOpenAsync(ConversationChannel channel, string citizenKey, CancellationToken cancellationToken);

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

    /// <summary>Activities with a sequence greater than <paramref name="afterSequence"/>, in order, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<TranscriptActivity>> ReadAsync(Guid conversationId, long afterSequence, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Saves owner transitions made on <paramref name="conversation"/> and publishes their events.
    /// </summary>
    /// <exception cref="Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException">Another node moved it first.</exception>
    Task SaveAsync(Conversation conversation, CancellationToken cancellationToken);
}
