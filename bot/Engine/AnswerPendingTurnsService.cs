using ConversationHub.Core.Conversations.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Bot.Engine;

/// <summary>
/// The sweep that makes sure nothing a citizen sent stays unanswered: on start and every
/// <see cref="BotTurnOptions.SweepInterval"/> it queues inbound activities still pending whose lease is free or has
/// run out (stored by a node that stopped, or dropped from a full queue). The worker's claim keeps them single.
/// </summary>
internal sealed partial class AnswerPendingTurnsService(
    BotTurnQueue queue,
    IOptions<BotTurnOptions> options,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<AnswerPendingTurnsService> logger) : BackgroundService
{
    private const int BatchSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.AnswerTurns)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                Log.SweepFailed(logger, ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IConversationStore>();
        var storedBefore = time.GetUtcNow().UtcDateTime - options.Value.SweepGrace;
        var pending = await store.FindPendingTurnsAsync(storedBefore, BatchSize, cancellationToken);
        foreach (var turn in pending)
        {
            var kind = string.Equals(turn.Type, "event", StringComparison.Ordinal) ? BotTurnKind.ConversationStarted : BotTurnKind.Message;
            queue.Enqueue(new BotTurn(kind, turn.ConversationId, turn.Sequence));
        }

        if (pending.Count > 0)
        {
            Log.PendingTurnsQueued(logger, pending.Count);
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3110, Level = LogLevel.Error, Message = "The sweep of unanswered bot turns failed")]
        public static partial void SweepFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 3111, Level = LogLevel.Information, Message = "Queued {Count} unanswered bot turns")]
        public static partial void PendingTurnsQueued(ILogger logger, int count);
    }
}
