namespace ConversationHub.Core.Handoff;

/// <summary>
/// Receives how a callback attempt (<see cref="ICallbackDialer"/>) ended, for the voice module, which must not depend on
/// the handoff module that keeps the cases. Told once per attempt (the voice module's stored state decides which event
/// is the deciding one); an outcome for an attempt the case no longer waits for (its 発信中 flag expired) is still
/// recorded in the case's history.
/// </summary>
public interface ICallbackOutcomes
{
    /// <summary>Records the outcome.</summary>
    Task RecordAsync(CallbackAttemptOutcome outcome, CancellationToken cancellationToken);
}

/// <summary>How a callback attempt ended.</summary>
public enum CallbackResult
{
    /// <summary>The citizen answered and the call was put through to the agent.</summary>
    Connected,

    /// <summary>Nobody answered (ring timeout, unavailable).</summary>
    NoAnswer,

    /// <summary>The line was busy, or the citizen declined the call.</summary>
    Busy,

    /// <summary>Anything else: the call could not be placed, the transfer to the agent failed, the citizen hung up first.</summary>
    Failed,
}

/// <summary>One attempt's outcome.</summary>
/// <param name="AttemptId">The attempt (<see cref="CallbackDialRequest.AttemptId"/>).</param>
/// <param name="CaseId">The case it was made for.</param>
/// <param name="Result">How it ended.</param>
/// <param name="AtUtc">When it ended.</param>
/// <param name="Detail">The telephony's result code and text, for staff (never personal data).</param>
public sealed record CallbackAttemptOutcome(Guid AttemptId, Guid CaseId, CallbackResult Result, DateTime AtUtc, string? Detail = null);

/// <summary>The outcomes of a platform without the handoff module: nobody keeps them.</summary>
public sealed class NoCallbackOutcomes : ICallbackOutcomes
{
    /// <inheritdoc />
    public Task RecordAsync(CallbackAttemptOutcome outcome, CancellationToken cancellationToken) => Task.CompletedTask;
}
