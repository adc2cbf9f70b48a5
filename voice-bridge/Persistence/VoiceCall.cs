namespace ConversationHub.VoiceBridge.Persistence;

/// <summary>
/// One phone call between events: its ACS leg, its conversation, the caller (encrypted), the line, the language and the
/// call flow's state. Events of one call may reach any node, so the state lives here; <see cref="Version"/> makes two
/// nodes' updates of one call conflict instead of overwriting each other.
/// </summary>
internal sealed class VoiceCall
{
    public required string CallConnectionId { get; init; }

    public Guid ConversationId { get; init; }

    /// <summary>The caller's number, encrypted (<see cref="Core.Security.IPiiProtector"/>, purpose <c>voice.CallerNumber</c>).</summary>
    public required string CallerEncrypted { get; init; }

    /// <summary>The number called (the city's line, not personal data).</summary>
    public required string LineNumber { get; init; }

    public required string Language { get; set; }

    /// <summary>The flow's state as JSON (<see cref="Flows.CallFlowState"/>).</summary>
    public required string FlowState { get; set; }

    public int Version { get; set; }

    public DateTime StartedAtUtc { get; init; }

    public DateTime? EndedAtUtc { get; set; }

    // The call record, for reports.

    /// <summary>The way through the menu, e.g. <c>lang:en menu key:1 ask faq sms queue agent</c> (codes, no personal data).</summary>
    public string Path { get; set; } = "";

    /// <summary>How many questions the caller asked the bot.</summary>
    public int Questions { get; set; }

    /// <summary>The questions as heard, a JSON array, encrypted (the caller's own words are personal data).</summary>
    public string? QuestionsEncrypted { get; set; }

    /// <summary>The FAQs the bot answered with, separated by '|'.</summary>
    public string FaqIds { get; set; } = "";

    /// <summary>Text messages sent to the caller (with consent).</summary>
    public int SmsSent { get; set; }

    /// <summary>When the caller joined the operators' queue.</summary>
    public DateTime? QueuedAtUtc { get; set; }

    /// <summary>The agent who took the call.</summary>
    public Guid? AgentId { get; set; }

    /// <summary>When the agent's phone joined the call (a person answered).</summary>
    public DateTime? AgentJoinedAtUtc { get; set; }

    /// <summary>The department's number the call was moved on to, and when.</summary>
    public string? DepartmentNumber { get; set; }

    public DateTime? TransferredAtUtc { get; set; }

    /// <summary>How the call ended (<see cref="CallOutcome"/>); null while it goes on.</summary>
    public CallOutcome? Outcome { get; set; }

    /// <summary>Whether a person answered within <paramref name="limit"/> (10 s in the city's service level) of joining the queue.</summary>
    public bool AnsweredWithin(TimeSpan limit) => QueuedAtUtc is { } queued && AgentJoinedAtUtc is { } joined && joined - queued <= limit;
}

/// <summary>How a call ended.</summary>
public enum CallOutcome
{
    /// <summary>The bot served it (no person asked for, or none needed).</summary>
    SelfService,

    /// <summary>Out of hours.</summary>
    Closed,

    /// <summary>After the line's end of service.</summary>
    ServiceEnded,

    /// <summary>Forwarded by the line's emergency switch.</summary>
    Forwarded,

    /// <summary>A person answered.</summary>
    Answered,

    /// <summary>Moved on to a department after a person answered.</summary>
    Transferred,

    /// <summary>The caller hung up waiting in the queue.</summary>
    Abandoned,

    /// <summary>An agent accepted but the agent's phone did not answer.</summary>
    AgentUnreachable,
}
