namespace ConversationHub.Handoff.Cases;

/// <summary>
/// One change of a case: who, when, what, the value before and after. Values can be personal data (a corrected phone
/// number), so both are encrypted at rest.
/// </summary>
public sealed class CaseHistoryEntry
{
    // For EF Core.
    private CaseHistoryEntry()
    {
        Action = "";
    }

    internal CaseHistoryEntry(Guid caseId, Guid? actorId, string action, string? field, string? before, string? after, DateTime atUtc)
    {
        CaseId = caseId;
        ActorId = actorId;
        Action = action;
        Field = field;
        Before = before;
        After = after;
        AtUtc = atUtc;
    }

    /// <summary>Surrogate key (ascending).</summary>
    public long Id { get; private set; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; private set; }

    /// <summary>The staff member, null for the citizen or the platform.</summary>
    public Guid? ActorId { get; private set; }

    /// <summary>What was done (<c>created</c>, <c>updated</c>, <c>status</c>, <c>escalated</c> …).</summary>
    public string Action { get; private set; }

    /// <summary>The field that changed, when one did.</summary>
    public string? Field { get; private set; }

    /// <summary>The value before (personal data).</summary>
    public string? Before { get; private set; }

    /// <summary>The value after (personal data).</summary>
    public string? After { get; private set; }

    /// <summary>When (UTC).</summary>
    public DateTime AtUtc { get; private set; }
}
