namespace ConversationHub.Core.Conversations.Services;

/// <summary>An outbound activity that a push channel's sender still has to deliver.</summary>
/// <param name="ActivityId">The activity's id (for <see cref="IConversationStore.MarkDeliveredAsync"/>).</param>
/// <param name="ConversationId">The conversation.</param>
/// <param name="Sequence">The activity's sequence; deliver in this order per conversation.</param>
/// <param name="CitizenKey">The citizen's id on the channel (decrypted; personal data, never logged).</param>
/// <param name="ActivityJson">The activity as Bot Framework JSON (decrypted).</param>
/// <param name="Attempts">Delivery attempts so far.</param>
public sealed record PendingDelivery(Guid ActivityId, Guid ConversationId, long Sequence, string CitizenKey, string ActivityJson, int Attempts);
