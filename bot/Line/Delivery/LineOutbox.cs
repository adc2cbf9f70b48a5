using ConversationHub.Bot.Line.Infrastructure;
using ConversationHub.Core.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Bot.Line.Delivery;

/// <summary>
/// Sends one LINE conversation's pending activities with one sender at a time, whoever asks: the sweep
/// (<see cref="LineDeliveryWorker"/>) or the answer worker (<see cref="LineAnswerWorker"/>). Across nodes the lease
/// <c>outbox:{conversation}</c> keeps senders apart; on this node the lease does not (a node may take its own lease
/// again), so a set of the conversations being sent here does.
/// </summary>
/// <remarks>
/// A request for a conversation already being sent on this node does not wait: it asks that sender to read the
/// pending activities once more when it is done, so an answer committed just after the sender's last read still goes
/// out now and not on the next sweep.
/// </remarks>
internal sealed partial class LineOutbox(
    IServiceScopeFactory scopes,
    IHubEvents events,
    IOptionsMonitor<LineChannelOptions> options,
    ILogger<LineOutbox> logger)
{
    private readonly HashSet<Guid> _sending = [];
    private readonly HashSet<Guid> _again = [];

    public async Task SendAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        lock (_sending)
        {
            if (!_sending.Add(conversationId))
            {
                _again.Add(conversationId);
                return;
            }
        }

        var owned = true;
        try
        {
            while (owned)
            {
                await SendLeasedAsync(conversationId, cancellationToken);
                lock (_sending)
                {
                    if (!_again.Remove(conversationId))
                    {
                        _sending.Remove(conversationId);
                        owned = false;
                    }
                }
            }
        }
        finally
        {
            if (owned)
            {
                // Left by cancellation: give the conversation back, so the next sweep can send it.
                lock (_sending)
                {
                    _sending.Remove(conversationId);
                    _again.Remove(conversationId);
                }
            }
        }
    }

    private async Task SendLeasedAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var leases = scope.ServiceProvider.GetRequiredService<LineLeases>();
        var key = "outbox:" + conversationId;
        if (!await leases.TryAcquireAsync(key, events.NodeId, options.CurrentValue.LeaseDuration, cancellationToken))
        {
            // Another node sends it now; what it leaves behind, the sweep finds.
            return;
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

    private static partial class Log
    {
        [LoggerMessage(EventId = 3331, Level = LogLevel.Error, Message = "LINE delivery of conversation {ConversationId} failed")]
        public static partial void ConversationFailed(ILogger logger, Exception exception, Guid conversationId);
    }
}
