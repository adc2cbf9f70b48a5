namespace ConversationHub.VoiceBridge.Persistence;

/// <summary>
/// One callback attempt (架電, <see cref="Core.Handoff.ICallbackDialer"/>): the outbound ACS call to a citizen, from the
/// request to the outcome told to the cases. Stored before the call is placed, so that a retry of the request finds it and
/// never dials twice, and so that the call's events, which may reach any node and may overtake the create's answer, find
/// it by their operation context. <see cref="Version"/> makes two nodes' updates conflict instead of both acting.
/// </summary>
internal sealed class OutboundCallback
{
    /// <summary>The attempt's id (<see cref="Core.Handoff.CallbackDialRequest.AttemptId"/>).</summary>
    public Guid Id { get; init; }

    /// <summary>The case it is made for (the handoff module's; no foreign key across modules).</summary>
    public Guid CaseId { get; init; }

    /// <summary>Our leg, once ACS has answered the create (or an event has told it).</summary>
    public string? CallConnectionId { get; set; }

    /// <summary>The citizen's number, encrypted (<see cref="Core.Security.IPiiProtector"/>, purpose <c>voice.CallbackNumber</c>).</summary>
    public required string CitizenEncrypted { get; init; }

    /// <summary>The agent's phone (E.164 or <c>8:acs:…</c>): staff equipment, not personal data.</summary>
    public required string AgentTarget { get; init; }

    /// <summary>The city line shown to the citizen (E.164).</summary>
    public required string LineNumber { get; init; }

    /// <summary>Where the attempt stands.</summary>
    public OutboundCallbackState State { get; set; }

    /// <summary>How it ended (<see cref="Core.Handoff.CallbackResult"/>), null while it runs.</summary>
    public Core.Handoff.CallbackResult? Result { get; set; }

    /// <summary>ACS's result code and text of the deciding event (no personal data).</summary>
    public string? Detail { get; set; }

    /// <summary>When the attempt was asked for; also the first-sent time of the create's repeatability pair.</summary>
    public DateTime CreatedAtUtc { get; init; }

    /// <summary>When the citizen answered.</summary>
    public DateTime? ConnectedAtUtc { get; set; }

    /// <summary>When the outcome was decided.</summary>
    public DateTime? EndedAtUtc { get; set; }

    public int Version { get; set; }
}

/// <summary>The steps of a callback attempt. Stored by name.</summary>
internal enum OutboundCallbackState
{
    /// <summary>Placed; the citizen's phone rings.</summary>
    Dialing,

    /// <summary>The citizen answered and hears who calls.</summary>
    Greeting,

    /// <summary>The call is being transferred to the agent.</summary>
    Transferring,

    /// <summary>Decided (see <see cref="OutboundCallback.Result"/>); the outcome has been told.</summary>
    Ended,
}
