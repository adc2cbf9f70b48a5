namespace ConversationHub.Handoff.Programs.Rosters;

/// <summary>One file imported into a program's roster: a roster version or a file of delivery statuses.</summary>
internal sealed class RosterImport
{
    public const int MaxActorLength = 256;

    // For EF Core.
    private RosterImport()
    {
        ImportedBy = "";
    }

    public RosterImport(Guid programId, RosterImportKind kind, int rows, string importedBy, DateTime nowUtc)
        : this()
    {
        Id = Guid.CreateVersion7();
        ProgramId = programId;
        Kind = kind;
        Rows = rows;
        ImportedBy = importedBy;
        ImportedAtUtc = nowUtc;
        State = RosterImportState.Loading;
    }

    public Guid Id { get; private set; }

    public Guid ProgramId { get; private set; }

    public RosterImportKind Kind { get; private set; }

    /// <summary>Households of a roster, or status lines of a status file.</summary>
    public int Rows { get; private set; }

    /// <summary>The administrator's staff id.</summary>
    public string ImportedBy { get; private set; }

    public DateTime ImportedAtUtc { get; private set; }

    public RosterImportState State { get; set; }
}

/// <summary>What a roster import brought.</summary>
internal enum RosterImportKind
{
    /// <summary>A version of the roster: it replaces the previous one.</summary>
    Roster,

    /// <summary>Delivery statuses of households of the current roster.</summary>
    Statuses,
}

/// <summary>Where an import stands. Only a <see cref="Active"/> roster import is looked up.</summary>
internal enum RosterImportState
{
    /// <summary>Its rows are being written; nothing reads them.</summary>
    Loading,

    /// <summary>The roster agents look up (or, for a status file, applied).</summary>
    Active,

    /// <summary>A roster version a newer import replaced; its rows are gone.</summary>
    Replaced,

    /// <summary>Its rows could not be written; they were removed.</summary>
    Failed,
}
