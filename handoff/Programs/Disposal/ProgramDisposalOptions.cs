namespace ConversationHub.Handoff.Programs.Disposal;

/// <summary>The <c>Programs:Disposal</c> section: the schedule that disposes of programs' data on their disposal date.</summary>
internal sealed class ProgramDisposalOptions
{
    public const string SectionName = "Programs:Disposal";

    /// <summary>Whether programs are disposed of on their disposal date without an administrator.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the schedule looks for programs whose disposal date has come.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(15);
}
