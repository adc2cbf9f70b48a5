namespace ConversationHub.Handoff.Programs.Rosters;

/// <summary>A program's roster settings: its column layout and which import is the roster agents look up.</summary>
internal sealed class RosterSettings
{
    // For EF Core.
    private RosterSettings()
    {
        LayoutJson = "";
    }

    public RosterSettings(Guid programId, RosterLayout layout, DateTime nowUtc)
        : this()
    {
        ProgramId = programId;
        LayoutJson = layout.ToJson();
        ChangedAtUtc = nowUtc;
    }

    public Guid ProgramId { get; private set; }

    /// <summary>A <see cref="RosterLayout"/> as JSON.</summary>
    public string LayoutJson { get; set; }

    /// <summary>The import whose households are the roster; null before the first import.</summary>
    public Guid? ActiveImportId { get; set; }

    public DateTime ChangedAtUtc { get; set; }

    /// <summary>Optimistic concurrency: two imports at once cannot both become the roster.</summary>
    public int Version { get; set; }

    public RosterLayout? Layout => RosterLayout.FromJson(LayoutJson);
}
