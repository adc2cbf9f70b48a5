namespace ConversationHub.Handoff.Programs.Rosters;

/// <summary>
/// Audit actions of rosters. Targets are <c>program:&lt;code&gt;</c>; details carry counts and outcomes, never the
/// values an agent searched for or a household's personal fields.
/// </summary>
internal static class RosterAuditActions
{
    /// <summary>An agent looked a household up (detail: found or not, how many households, the conversation).</summary>
    public const string Lookup = "roster.lookup";

    /// <summary>An agent took a household's declination (辞退届).</summary>
    public const string Declined = "roster.declined";

    /// <summary>An administrator imported a roster version (or the import was refused).</summary>
    public const string Imported = "roster.imported";

    /// <summary>An administrator imported a status file (or it was refused).</summary>
    public const string StatusesImported = "roster.statuses";

    /// <summary>An administrator changed the column layout.</summary>
    public const string LayoutChanged = "roster.layout";
}
