namespace ConversationHub.Core.Conversations.Domain;

/// <summary>Whether the citizen sent the activity or the platform did. Stored as its name.</summary>
public enum ActivityDirection
{
    /// <summary>From the citizen.</summary>
    Inbound,

    /// <summary>From the bot or an agent to the citizen.</summary>
    Outbound,
}
