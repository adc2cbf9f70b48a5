namespace ConversationHub.Core.Conversations.Domain;

/// <summary>
/// Who answers the citizen. Stored as its name (<c>bot</c>, <c>queued</c>, …); never rename a value without a
/// migration.
/// </summary>
public enum ConversationOwner
{
    /// <summary>The bot answers.</summary>
    Bot,

    /// <summary>Handoff requested; waiting in the agent queue (the bot keeps the citizen informed).</summary>
    Queued,

    /// <summary>An agent answers; the bot is silent.</summary>
    Agent,

    /// <summary>Ended by the agent, the bot (idle) or the citizen.</summary>
    Closed,

    /// <summary>The citizen left while queued, before an agent joined.</summary>
    Abandoned,
}
