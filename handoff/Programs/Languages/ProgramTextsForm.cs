namespace ConversationHub.Handoff.Programs.Languages;

/// <summary>What the texts page posts for one language; <see cref="Version"/> is the version it was read at (0: none yet).</summary>
internal sealed class ProgramTextsForm
{
    public int Version { get; set; }

    public string? Name { get; set; }

    public string? EndMessage { get; set; }

    public string? AfterEndGuidance { get; set; }

    public string? WhatToBring { get; set; }

    public static ProgramTextsForm Of(ProgramText? text) => new()
    {
        Version = text?.Version ?? 0,
        Name = text?.Name,
        EndMessage = text?.EndMessage,
        AfterEndGuidance = text?.AfterEndGuidance,
        WhatToBring = text?.WhatToBring,
    };
}
