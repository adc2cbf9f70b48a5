using ConversationHub.VoiceBridge.Acs.Events;
using ConversationHub.VoiceBridge.Callbacks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ConversationHub.VoiceBridge.Acs;

/// <summary>
/// Runs the incoming-call and call-event handlers off the request path, and other per-call work (<see cref="ScopedVoiceWork"/>),
/// one DI scope per item, a few at a time. A call event goes to <see cref="CallbackCallHandler"/> when it belongs to a
/// callback, else to <see cref="ICallEventHandler"/>.
/// </summary>
internal sealed partial class VoiceWorkDispatcher(VoiceWorkQueue queue, IServiceScopeFactory scopes, ILogger<VoiceWorkDispatcher> logger) : BackgroundService
{
    // Calls are independent; a slow handler for one must not hold up another call's answer.
    private const int Parallelism = 8;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Parallel.ForEachAsync(queue.Reader.ReadAllAsync(stoppingToken), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = stoppingToken }, HandleAsync);

    private async ValueTask HandleAsync(VoiceWorkItem work, CancellationToken cancellationToken)
    {
        var item = work.Event;
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            switch (item)
            {
                case IncomingCall call:
                    await scope.ServiceProvider.GetRequiredService<IIncomingCallHandler>().HandleAsync(call, cancellationToken);
                    break;
                case AcsCallEvent callEvent:
                    // Callbacks (outbound calls from the cases) first: they claim their own events; every other event is the IVR's.
                    if (!await scope.ServiceProvider.GetRequiredService<CallbackCallHandler>().TryHandleAsync(callEvent, cancellationToken))
                    {
                        await scope.ServiceProvider.GetRequiredService<ICallEventHandler>().HandleAsync(callEvent, cancellationToken);
                    }

                    break;
                case ScopedVoiceWork scopedWork:
                    await scopedWork.RunAsync(scope.ServiceProvider, cancellationToken);
                    break;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Not tried again: the handlers retry what can succeed; a failure here would fail the same way.
            Log.HandlerFailed(logger, item is ScopedVoiceWork scoped ? scoped.Name : item.GetType().Name, exception);
        }

        if (!cancellationToken.IsCancellationRequested && work.Source is not null && work.EventId is not null)
        {
            // A node stopping leaves the event unhandled, for another node to take over.
            await scope.ServiceProvider.GetRequiredService<Persistence.VoiceEventLedger>().MarkHandledAsync(work.Source, work.EventId, CancellationToken.None);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(5102, LogLevel.Error, "A voice handler failed on a {ItemType}.")]
        public static partial void HandlerFailed(ILogger logger, string itemType, Exception exception);
    }
}
