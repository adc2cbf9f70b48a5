using ConversationHub.Bot.Line.Infrastructure;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Bot.Line.Delivery;

/// <summary>
/// Delivers what the transcript holds as pending for LINE conversations: each conversation with a due delivery,
/// through the <see cref="LineOutbox"/> (one sender per conversation, in order). Outbound activities are written as
/// pending in the same insert that stores them, so after a crash or a restart the first sweep finds everything still
/// to send. A bot turn's answer normally leaves before this sweep sees it (<see cref="LineAnswerWorker"/>); the sweep
/// is the fallback, and the path of activities written outside a turn (an agent's messages).
/// </summary>
internal sealed class LineDeliveryWorker(
    IServiceScopeFactory scopes,
    LineDeliverySignal signal,
    LineOutbox outbox,
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
            await outbox.SendAsync(conversationId, cancellationToken);
        }
    }
}
