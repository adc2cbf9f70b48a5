namespace ConversationHub.VoiceBridge.Persistence;

/// <summary>
/// One phone call between events: its ACS leg, its conversation, the caller (encrypted), the line, the language and the
/// call flow's state. Events of one call may reach any node, so the state lives here; <see cref="Version"/> makes two
/// nodes' updates of one call conflict instead of overwriting each other.
/// </summary>
internal sealed class VoiceCall
{
    public required string CallConnectionId { get; init; }

    public Guid ConversationId { get; init; }

    /// <summary>The caller's number, encrypted (<see cref="Core.Security.IPiiProtector"/>, purpose <c>voice.CallerNumber</c>).</summary>
    public required string CallerEncrypted { get; init; }

    /// <summary>The number called (the city's line, not personal data).</summary>
    public required string LineNumber { get; init; }

    public required string Language { get; set; }

    /// <summary>The flow's state as JSON (<see cref="Flows.CallFlowState"/>).</summary>
    public required string FlowState { get; set; }

    public int Version { get; set; }

    public DateTime StartedAtUtc { get; init; }

    public DateTime? EndedAtUtc { get; set; }
}
