namespace ConversationHub.Handoff.Programs.Forms;

/// <summary>The audited actions of program forms (stored as text, like core's <c>AuditActions</c>).</summary>
internal static class FormAuditActions
{
    /// <summary>An administrator saved a form version.</summary>
    public const string Defined = "program.form.defined";

    /// <summary>An agent or a citizen saved an entry.</summary>
    public const string EntrySaved = "program.form.entry";

    /// <summary>An agent saved an entry despite the duplicate warning.</summary>
    public const string DuplicateSaved = "program.form.entry.duplicate";

    /// <summary>A saved entry was opened.</summary>
    public const string EntryViewed = "program.form.entry.viewed";

    /// <summary>A form's CSV was downloaded (on demand or a daily file).</summary>
    public const string Exported = "program.form.export";
}
