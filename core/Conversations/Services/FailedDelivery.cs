namespace ConversationHub.Core.Conversations.Services;

/// <summary>An outbound activity that a push channel's sender gave up on (no personal data: ids and counts).</summary>
/// <param name="ActivityId">The activity's id.</param>
/// <param name="ConversationId">The conversation.</param>
/// <param name="Sequence">The activity's sequence in the conversation.</param>
/// <param name="Attempts">Delivery attempts made.</param>
/// <param name="TimestampUtc">When the activity was written (UTC).</param>
public sealed record FailedDelivery(Guid ActivityId, Guid ConversationId, long Sequence, int Attempts, DateTime TimestampUtc);
