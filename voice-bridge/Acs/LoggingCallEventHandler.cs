using ConversationHub.VoiceBridge.Acs.Events;
using Microsoft.Extensions.Logging;

namespace ConversationHub.VoiceBridge.Acs;

/// <summary>The default until the IVR flows exist: logs the event's kind and ids.</summary>
internal sealed partial class LoggingCallEventHandler(ILogger<LoggingCallEventHandler> logger) : ICallEventHandler
{
    public Task HandleAsync(AcsCallEvent callEvent, CancellationToken cancellationToken)
    {
        Log.Received(logger, callEvent.Type, callEvent.EventId, callEvent.CallConnectionId);
        return Task.CompletedTask;
    }

    private static partial class Log
    {
        [LoggerMessage(5101, LogLevel.Information, "Call event {Type} {AcsEventId} for call {CallConnectionId} has no IVR handler.")]
        public static partial void Received(ILogger logger, string type, string acsEventId, string? callConnectionId);
    }
}
