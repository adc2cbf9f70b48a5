using ConversationHub.Bot.Line.Infrastructure;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Core.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Bot.Line.Delivery;

/// <summary>
/// Delivers what the transcript holds as pending for LINE conversations: each conversation with a due delivery,
/// under a lease on that conversation (one node sends it, in order). Outbound activities are written as pending in
/// the same insert that stores them, so after a crash or a restart the first sweep finds everything still to send.
/// </summary>
internal sealed partial class LineDeliveryWorker(
    IServiceScopeFactory scopes,
    LineDeliverySignal signal,
    IHubEvents events,
    IOptionsMonitor<LineChannelOptions> options,
    ILogger<LineDeliveryWorker> logger) : LineSweepService(signal, options, logger)
{
    private const int MaxDeliveriesPerSweep = 100;

    protected override async Task SweepAsync(CancellationToken cancellationToken)
    {
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            // Oldest first, so a busy conversation cannot starve the others.
            var pending = await scope.ServiceProvider.GetRequiredService<IConversationStore>()
                .FindPendingDeliveriesAsync(ConversationChannel.Line, MaxDeliveriesPerSweep, cancellationToken);
            due = pending.Select(d => d.ConversationId).Distinct().ToList();
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
