using ConversationHub.VoiceBridge.Acs.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ConversationHub.VoiceBridge.Acs;

/// <summary>
/// Runs the incoming-call and call-event handlers off the request path, and other per-call work (<see cref="ScopedVoiceWork"/>),
/// one DI scope per item, a few at a time.
/// </summary>
internal sealed partial class VoiceWorkDispatcher(VoiceWorkQueue queue, IServiceScopeFactory scopes, ILogger<VoiceWorkDispatcher> logger) : BackgroundService
{
    // Calls are independent; a slow handler for one must not hold up another call's answer.
    private const int Parallelism = 8;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Parallel.ForEachAsync(queue.Reader.ReadAllAsync(stoppingToken), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = stoppingToken }, HandleAsync);

    private async ValueTask HandleAsync(object item, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            switch (item)
            {
                case IncomingCall call:
                    await scope.ServiceProvider.GetRequiredService<IIncomingCallHandler>().HandleAsync(call, cancellationToken);
                    break;
                case AcsCallEvent callEvent:
                    await scope.ServiceProvider.GetRequiredService<ICallEventHandler>().HandleAsync(callEvent, cancellationToken);
                    break;
                case ScopedVoiceWork work:
                    await work.RunAsync(scope.ServiceProvider, cancellationToken);
                    break;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.HandlerFailed(logger, item is ScopedVoiceWork work ? work.Name : item.GetType().Name, exception);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(5102, LogLevel.Error, "A voice handler failed on a {ItemType}.")]
        public static partial void HandlerFailed(ILogger logger, string itemType, Exception exception);
    }
}
