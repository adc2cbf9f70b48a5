namespace ConversationHub.Handoff.Programs.Disposal;

/// <summary>What a disposal request came to.</summary>
internal enum ProgramDisposalOutcome
{
    /// <summary>Every part ran; the record is complete.</summary>
    Disposed,

    /// <summary>The program's data had been disposed of already; nothing changed.</summary>
    AlreadyDisposed,

    /// <summary>The program is still in service (or not started); disposal waits for the end of service.</summary>
    StillInService,
}
