namespace ConversationHub.Handoff.Postal;

/// <summary>The <c>Postal</c> section: where the postal code data comes from and how the public lookup is limited.</summary>
internal sealed class PostalOptions
{
    public const string SectionName = "Postal";

    /// <summary>
    /// A KEN_ALL file (CSV or Japan Post's zip) loaded at start when its SHA-256 differs from the stored dataset's, so
    /// replacing the file and restarting one node updates every node. Empty: datasets come from uploads (and the demo).
    /// </summary>
    public string? Source { get; set; }

    /// <summary>The largest file accepted, in bytes (utf_ken_all.csv is about 18 MB).</summary>
    public int MaxFileBytes { get; set; } = 40 * 1024 * 1024;

    /// <summary>How many malformed lines a load lists (all are counted).</summary>
    public int ReportedLines { get; set; } = 100;

    /// <summary>Lookups one anonymous client address may make per <see cref="LookupWindow"/>; signed-in staff are not limited.</summary>
    public int AnonymousLookupsPerWindow { get; set; } = 60;

    /// <summary>The rate limit's fixed window.</summary>
    public TimeSpan LookupWindow { get; set; } = TimeSpan.FromMinutes(1);
}
