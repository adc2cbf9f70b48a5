namespace ConversationHub.Core.Handoff;

/// <summary>
/// Places a callback (架電): an outbound call to a citizen that is put through to the agent who asked for it, for modules
/// that must not depend on the voice module (handoff). The voice module registers the real dialer; without it
/// (<see cref="NoCallbackDialer"/>) the phone is off and nothing is dialled. How the attempt ends arrives later, once,
/// through <see cref="ICallbackOutcomes"/>.
/// </summary>
public interface ICallbackDialer
{
    /// <summary>Whether calls can be placed now (the phone channel is configured); false: every dial answers <see cref="CallbackDialStatus.PhoneOff"/>.</summary>
    bool IsAvailable { get; }

    /// <summary>
    /// Starts the attempt: the call to <see cref="CallbackDialRequest.CitizenNumber"/> is placed, and the outcome is told
    /// later to <see cref="ICallbackOutcomes"/>. Answers when the call has been handed to the telephony service, not when
    /// anybody answers.
    /// </summary>
    /// <remarks>
    /// Idempotent by <see cref="CallbackDialRequest.AttemptId"/>: a request repeated with the same id (a retry after a
    /// timeout or a crash) never dials a second time; it answers how the first one went.
    /// </remarks>
    Task<CallbackDialResult> DialAsync(CallbackDialRequest request, CancellationToken cancellationToken);
}

/// <summary>One callback attempt.</summary>
/// <param name="AttemptId">Unique per attempt; the key of its idempotency and of its outcome.</param>
/// <param name="CaseId">The case the call is made for (given back with the outcome).</param>
/// <param name="CitizenNumber">The citizen's number in E.164 (<c>+81…</c>). Personal data: never logged.</param>
/// <param name="AgentPhoneTarget">Where the agent is reached: E.164 or an ACS identity (<c>8:acs:…</c>).</param>
/// <param name="LineNumber">The city line shown to the citizen (E.164); null: the voice module's configured callback line.</param>
public sealed record CallbackDialRequest(Guid AttemptId, Guid CaseId, string CitizenNumber, string AgentPhoneTarget, string? LineNumber = null);

/// <summary>How handing the call over went.</summary>
public enum CallbackDialStatus
{
    /// <summary>The call is being placed; the outcome follows through <see cref="ICallbackOutcomes"/>.</summary>
    Dialing,

    /// <summary>No phone channel (no voice module, or it is not configured); nothing was dialled.</summary>
    PhoneOff,

    /// <summary>The telephony service refused or could not be reached; nothing is dialling and no outcome follows.</summary>
    Failed,
}

/// <summary>The answer of <see cref="ICallbackDialer.DialAsync"/>.</summary>
/// <param name="Status">How handing the call over went.</param>
/// <param name="Detail">Why it failed, for staff and logs (never personal data), when it did.</param>
public sealed record CallbackDialResult(CallbackDialStatus Status, string? Detail = null);

/// <summary>The dialer of a platform without the voice module: the phone is off.</summary>
public sealed class NoCallbackDialer : ICallbackDialer
{
    /// <inheritdoc />
    public bool IsAvailable => false;

    /// <inheritdoc />
    public Task<CallbackDialResult> DialAsync(CallbackDialRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new CallbackDialResult(CallbackDialStatus.PhoneOff));
}
