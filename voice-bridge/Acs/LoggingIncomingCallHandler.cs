using Microsoft.Extensions.Logging;

namespace ConversationHub.VoiceBridge.Acs;

/// <summary>The default until the IVR flows exist: logs the call (ids only, never the caller's number) and leaves it ringing.</summary>
internal sealed partial class LoggingIncomingCallHandler(ILogger<LoggingIncomingCallHandler> logger) : IIncomingCallHandler
{
    public Task HandleAsync(IncomingCall incomingCall, CancellationToken cancellationToken)
    {
        Log.Unhandled(logger, incomingCall.EventId, incomingCall.CorrelationId, incomingCall.From?.Kind);
        return Task.CompletedTask;
    }

    private static partial class Log
    {
        [LoggerMessage(5100, LogLevel.Warning, "Incoming call {AcsEventId} (correlation {CorrelationId}, caller kind {CallerKind}) has no IVR handler; it is not answered.")]
        public static partial void Unhandled(ILogger logger, string acsEventId, string? correlationId, string? callerKind);
    }
}
