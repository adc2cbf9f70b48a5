namespace ConversationHub.Handoff.Programs.Administration;

/// <summary>The saved program, or what was wrong (nothing was saved).</summary>
internal sealed record ProgramSaveResult(ProgramDefinition? Program, IReadOnlyList<ProgramFieldError> Errors)
{
    public bool Succeeded => Program is not null;
}
