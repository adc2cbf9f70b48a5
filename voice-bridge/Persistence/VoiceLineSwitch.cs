namespace ConversationHub.VoiceBridge.Persistence;

/// <summary>One turn of a line's emergency forward (代表電話の切替), kept as the audit list: who, when, which line, on or off, where to.</summary>
internal sealed class VoiceLineSwitch
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string LineNumber { get; init; }

    public bool On { get; init; }

    /// <summary>The forward target when switched on (E.164); null when switched off.</summary>
    public string? ForwardTo { get; init; }

    /// <summary>The staff account's id (names are personal data and read from the accounts when shown).</summary>
    public Guid? SwitchedBy { get; init; }

    public DateTime SwitchedAtUtc { get; init; }
}
