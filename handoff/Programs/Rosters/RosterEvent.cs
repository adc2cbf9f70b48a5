namespace ConversationHub.Handoff.Programs.Rosters;

/// <summary>A line of a household's history: a delivery status from a status file, or a declination taken by an agent.</summary>
internal sealed class RosterEvent
{
    public const int MaxKindLength = 16;

    // For EF Core.
    private RosterEvent()
    {
        By = "";
    }

    public RosterEvent(Guid programId, Guid householdId, RosterEventKind kind, DateOnly onDay, string by, Guid? importId, DateTime nowUtc)
    {
        Id = Guid.CreateVersion7();
        ProgramId = programId;
        HouseholdId = householdId;
        Kind = kind;
        OnDay = onDay;
        By = by;
        ImportId = importId;
        AtUtc = nowUtc;
    }

    public Guid Id { get; private set; }

    public Guid ProgramId { get; private set; }

    /// <summary>The household (moved to its successor when a new roster version takes the household over).</summary>
    public Guid HouseholdId { get; private set; }

    public RosterEventKind Kind { get; private set; }

    /// <summary>The day it happened, as the file or the agent gave it.</summary>
    public DateOnly OnDay { get; private set; }

    /// <summary>The staff id of the administrator who imported the file or the agent who took the declination.</summary>
    public string By { get; private set; }

    /// <summary>The status file it came from; null for an agent's entry.</summary>
    public Guid? ImportId { get; private set; }

    public DateTime AtUtc { get; private set; }
}

/// <summary>What a <see cref="RosterEvent"/> records.</summary>
internal enum RosterEventKind
{
    Delivered,
    Returned,
    Resent,
    Declined,
}
