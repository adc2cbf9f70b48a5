namespace ConversationHub.Handoff.Programs.Languages;

/// <summary>
/// A program's texts in one language besides Japanese (table <c>program_texts</c>), entered by an administrator on
/// <c>/console/programs/texts</c>. An empty text has no translation: citizens see the Japanese with a note.
/// </summary>
internal sealed class ProgramText
{
    public ProgramText(Guid programId, string language, DateTime changedAtUtc)
    {
        Id = Guid.NewGuid();
        ProgramId = programId;
        Language = language;
        ChangedAtUtc = changedAtUtc;
    }

    public Guid Id { get; private set; }

    public Guid ProgramId { get; private set; }

    /// <summary><c>en</c>, <c>zh</c> or <c>ko</c>.</summary>
    public string Language { get; private set; }

    public string? Name { get; set; }

    public string? EndMessage { get; set; }

    public string? AfterEndGuidance { get; set; }

    /// <summary>持ち物 (the Japanese is the program's reservation settings').</summary>
    public string? WhatToBring { get; set; }

    public DateTime ChangedAtUtc { get; set; }

    /// <summary>Optimistic concurrency: of two administrators saving the same language, the second is told to reload.</summary>
    public int Version { get; set; }
}
