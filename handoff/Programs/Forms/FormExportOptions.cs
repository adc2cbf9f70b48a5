namespace ConversationHub.Handoff.Programs.Forms;

/// <summary>The forms' daily CSV (section <c>Programs:Forms</c>).</summary>
internal sealed class FormExportOptions
{
    public const string SectionName = "Programs:Forms";

    /// <summary>Whether the daily files are made.</summary>
    public bool DailyEnabled { get; set; } = true;

    /// <summary>The Japan time after which the previous day's file is made.</summary>
    public TimeSpan DailyAt { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How often a node checks for files due.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(5);
}
