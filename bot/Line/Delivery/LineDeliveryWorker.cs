using ConversationHub.Bot.Line.Infrastructure;
using ConversationHub.Bot.Persistence;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Bot.Line.Delivery;

/// <summary>
/// Delivers the outbox: each conversation with due deliveries, under a lease on that conversation (one node sends
/// it, in order). On start and every few minutes it also sweeps the recent transcript for LINE messages that never
/// reached the outbox (a crash between writing and announcing).
/// </summary>
internal sealed partial class LineDeliveryWorker(
    IServiceScopeFactory scopes,
    LineDeliverySignal signal,
    IHubEvents events,
    TimeProvider time,
    IOptionsMonitor<LineChannelOptions> options,
    ILogger<LineDeliveryWorker> logger) : LineSweepService(signal, options, logger)
{
    private static readonly TimeSpan ReconcileWindow = TimeSpan.FromHours(24);
    private static readonly TimeSpan ReconcileInterval = TimeSpan.FromMinutes(5);

    private DateTime _nextReconcileUtc = DateTime.MinValue;

    protected override async Task SweepAsync(CancellationToken cancellationToken)
    {
        if (time.GetUtcNow().UtcDateTime >= _nextReconcileUtc)
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<LineOutbox>().ReconcileAsync(ReconcileWindow, cancellationToken);
            _nextReconcileUtc = time.GetUtcNow().UtcDateTime + ReconcileInterval;
        }

        await DeliverDueAsync(cancellationToken);
    }

    private async Task DeliverDueAsync(CancellationToken cancellationToken)
    {
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var now = time.GetUtcNow().UtcDateTime;
            due = await scope.ServiceProvider.GetRequiredService<BotDbContext>().LineDeliveries.AsNoTracking()
                .Where(d => d.State == DeliveryState.Pending && d.NextAttemptAtUtc <= now)
                .Select(d => d.ConversationId)
                .Distinct()
                .OrderBy(id => id)
                .Take(100)
                .ToListAsync(cancellationToken);
        }

        foreach (var conversationId in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            var leases = scope.ServiceProvider.GetRequiredService<LineLeases>();
            var key = "outbox:" + conversationId;
            if (!await leases.TryAcquireAsync(key, events.NodeId, Settings.LeaseDuration, cancellationToken))
            {
                continue;
            }

            try
            {
                await scope.ServiceProvider.GetRequiredService<LineDeliverySender>().SendConversationAsync(conversationId, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.ConversationFailed(logger, ex, conversationId);
            }
            finally
            {
                await leases.ReleaseAsync(key, events.NodeId, CancellationToken.None);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3331, Level = LogLevel.Error, Message = "LINE delivery of conversation {ConversationId} failed")]
        public static partial void ConversationFailed(ILogger logger, Exception exception, Guid conversationId);
    }
}
