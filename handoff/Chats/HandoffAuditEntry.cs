namespace ConversationHub.Handoff.Chats;

/// <summary>
/// Who did what to a conversation and when: accept, transfer, note, close, assign, requeue, monitor, whisper.
/// <see cref="Detail"/> holds codes and ids only, never personal data.
/// </summary>
public sealed class HandoffAuditEntry
{
    // For EF Core.
    private HandoffAuditEntry()
    {
        Action = "";
    }

    /// <summary>Creates an entry.</summary>
    public HandoffAuditEntry(Guid? actorId, string action, Guid conversationId, string? detail, DateTime nowUtc)
    {
        ActorId = actorId;
        Action = action;
        ConversationId = conversationId;
        Detail = detail;
        AtUtc = nowUtc;
    }

    /// <summary>Surrogate key (ascending).</summary>
    public long Id { get; private set; }

    /// <summary>The staff member, or null for the platform itself (routing, requeue after a lost connection).</summary>
    public Guid? ActorId { get; private set; }

    /// <summary>What was done.</summary>
    public string Action { get; private set; }

    /// <summary>The conversation.</summary>
    public Guid ConversationId { get; private set; }

    /// <summary>Codes and ids (a wrap-up code, the agent transferred to).</summary>
    public string? Detail { get; private set; }

    /// <summary>When (UTC).</summary>
    public DateTime AtUtc { get; private set; }
}
