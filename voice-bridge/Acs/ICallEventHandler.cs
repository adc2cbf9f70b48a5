using ConversationHub.VoiceBridge.Acs.Events;

namespace ConversationHub.VoiceBridge.Acs;

/// <summary>
/// Acts on one mid-call event. Called once per event id, in the background after the callback has been acknowledged,
/// in its own DI scope; events of one call can still arrive out of order. The IVR flows implement it; the default only logs.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "A handler of call events, not a .NET event handler delegate; the name is the contract the IVR flows implement.")]
public interface ICallEventHandler
{
    /// <summary>Handles one event.</summary>
    Task HandleAsync(AcsCallEvent callEvent, CancellationToken cancellationToken);
}
