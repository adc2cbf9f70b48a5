namespace ConversationHub.Core.Conversations.Domain;

/// <summary>
/// Whether an inbound activity still waits for its answer. Durable, so an activity stored by a node that stops
/// before answering is answered by another node's sweep. Stored as its name; null on activities that need no turn.
/// </summary>
public enum TurnState
{
    /// <summary>Stored, not yet answered; a node may hold a lease on it while it answers.</summary>
    Pending,

    /// <summary>Answered (or routed to someone else than the bot): never taken again.</summary>
    Done,
}
