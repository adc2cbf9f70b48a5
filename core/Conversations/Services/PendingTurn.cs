namespace ConversationHub.Core.Conversations.Services;

/// <summary>An inbound activity that waits for its answer and whose lease, if any, has run out.</summary>
/// <param name="ConversationId">The conversation.</param>
/// <param name="Sequence">The activity's sequence in the transcript.</param>
/// <param name="Type">The activity type (<c>message</c>, <c>event</c> …).</param>
public sealed record PendingTurn(Guid ConversationId, long Sequence, string Type);
