namespace ConversationHub.VoiceBridge.Acs;

/// <summary>
/// Decides what to do with a new incoming call (answer, reject). Called once per call, in the background after Event
/// Grid has been acknowledged, in its own DI scope. The IVR flows implement it; the default only logs.
/// </summary>
public interface IIncomingCallHandler
{
    /// <summary>Handles one call; <see cref="IncomingCall.IncomingCallContext"/> expires within seconds.</summary>
    Task HandleAsync(IncomingCall incomingCall, CancellationToken cancellationToken);
}
