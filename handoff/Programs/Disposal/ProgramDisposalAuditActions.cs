namespace ConversationHub.Handoff.Programs.Disposal;

/// <summary>Audit action names of program disposal.</summary>
internal static class ProgramDisposalAuditActions
{
    /// <summary>A program's personal data was disposed of.</summary>
    public const string Disposed = "program.disposed";

    /// <summary>The disposal evidence was downloaded.</summary>
    public const string EvidenceDownloaded = "program.disposal_evidence";
}
