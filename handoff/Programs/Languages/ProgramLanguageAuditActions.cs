namespace ConversationHub.Handoff.Programs.Languages;

/// <summary>The audit log's actions of program translations.</summary>
internal static class ProgramLanguageAuditActions
{
    /// <summary>An administrator saved a program's texts in one language; the target is <c>program:&lt;code&gt;</c>, the
    /// detail the language and the texts changed.</summary>
    public const string TextsChanged = "program.texts.changed";
}
