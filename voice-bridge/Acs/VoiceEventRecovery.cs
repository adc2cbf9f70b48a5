using ConversationHub.VoiceBridge.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ConversationHub.VoiceBridge.Acs;

/// <summary>
/// On every node: takes over events that another node acknowledged but never finished (it stopped), and forgets handled
/// events after <see cref="Retention"/>. An incoming call older than the ringing window is not answered any more (the
/// caller has heard it ring out); a call's callback is handled late rather than never.
/// </summary>
internal sealed partial class VoiceEventRecovery(VoiceWorkQueue queue, IServiceScopeFactory scopes, TimeProvider time, ILogger<VoiceEventRecovery> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RingingWindow = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan Retention = TimeSpan.FromDays(7);
    private DateTime _lastForget = DateTime.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RecoverAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Log.RecoveryFailed(logger, exception);
            }
        }
    }

    internal async Task RecoverAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var ledger = scope.ServiceProvider.GetRequiredService<VoiceEventLedger>();
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (source, eventId, _, receivedAtUtc, payload) in await ledger.TakeOverAsync(50, cancellationToken))
        {
            var call = source == VoiceEventLedger.EventGrid && payload is not null ? VoiceEventJson.ReadIncomingCall(payload) : null;
            var callEvent = source == VoiceEventLedger.Callback && payload is not null ? VoiceEventJson.ReadCallEvent(payload) : null;
            if (call is not null && now - receivedAtUtc <= RingingWindow)
            {
                Log.TakenOver(logger, eventId);
                queue.Enqueue(call);
            }
            else if (callEvent is not null)
            {
                Log.TakenOver(logger, eventId);
                queue.Enqueue(callEvent);
            }
            else
            {
                await ledger.MarkHandledAsync(source, eventId, cancellationToken);
            }
        }

        if (now - _lastForget > TimeSpan.FromHours(1))
        {
            _lastForget = now;
            await ledger.ForgetHandledAsync(now - Retention, cancellationToken);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(5110, LogLevel.Warning, "Voice event {AcsEventId} was taken in by a node that did not finish it; handled here.")]
        public static partial void TakenOver(ILogger logger, string acsEventId);

        [LoggerMessage(5111, LogLevel.Warning, "Taking over unfinished voice events failed; the next pass tries again.")]
        public static partial void RecoveryFailed(ILogger logger, Exception exception);
    }
}
