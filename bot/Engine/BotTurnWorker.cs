using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Logging;
using ConversationHub.Core.Conversations.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Bot.Engine;

/// <summary>
/// Takes the bot's turns, in a DI scope each: turns of one conversation one at a time and in order, those of different
/// conversations side by side (see <see cref="BotTurnQueue"/>); a failure in one turn is logged and does not stop the next.
/// </summary>
/// <remarks>
/// A turn for a stored activity is claimed first (a lease in the transcript) and its answer is written together
/// with the "done" mark, so of two nodes (or a queued turn and the sweep) exactly one answers it.
/// </remarks>
internal sealed partial class BotTurnWorker(
    BotTurnQueue queue,
    BotNode node,
    IOptions<BotTurnOptions> options,
    IServiceScopeFactory scopes,
    TimeProvider time,
    IMeterFactory meters,
    ILogger<BotTurnWorker> logger) : BackgroundService
{
    /// <summary>The meter of the bot engine; <see cref="TurnDurationInstrument"/> is the server time of one turn.</summary>
    public const string MeterName = "ConversationHub.Bot";

    /// <summary>Claim, answer and commit of one turn, in milliseconds ("answers in under a second of server time").</summary>
    public const string TurnDurationInstrument = "hub.bot.turn.duration";

    private readonly Histogram<double> _turnDuration = meters.Create(MeterName).CreateHistogram<double>(TurnDurationInstrument, "ms", "Server time of one bot turn");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.AnswerTurns)
        {
            return;
        }

        await Task.WhenAll(queue.Readers.Select(partition => TakeTurnsAsync(partition, stoppingToken)));
    }

    // One partition's turns, one at a time (BotTurnQueue keeps each conversation in one partition).
    private async Task TakeTurnsAsync(ChannelReader<BotTurn> partition, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var turn in partition.ReadAllAsync(stoppingToken))
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await TakeTurnAsync(turn, stoppingToken);
                    _turnDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("kind", turn.Kind.ToString()));
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    Log.TurnFailed(logger, ex, turn.ConversationId, turn.Kind);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: a claimed turn keeps its lease and another node takes it when the lease runs out.
        }
    }

    private async Task TakeTurnAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        using var logScope = ConversationLogScope.Begin(logger, turn.ConversationId);
        await using var scope = scopes.CreateAsyncScope();
        TranscriptActivity? inbound = null;
        if (turn.Sequence > 0)
        {
            var leaseUntil = time.GetUtcNow().UtcDateTime + options.Value.Lease;
            inbound = await scope.ServiceProvider.GetRequiredService<IConversationStore>()
                .ClaimTurnAsync(turn.ConversationId, turn.Sequence, node.Id, leaseUntil, cancellationToken);
            if (inbound is null)
            {
                // Answered already, or another node holds it now.
                Log.TurnNotClaimed(logger, turn.ConversationId, turn.Sequence);
                return;
            }
        }

        var writer = scope.ServiceProvider.GetRequiredService<BotActivityWriter>();
        await scope.ServiceProvider.GetRequiredService<FaqBot>().TakeTurnAsync(turn, inbound, cancellationToken);
        if (!await writer.CommitAsync(turn, node.Id, cancellationToken))
        {
            Log.TurnTakenOver(logger, turn.ConversationId, turn.Sequence);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3100, Level = LogLevel.Error, Message = "Bot turn {Kind} failed in conversation {ConversationId}")]
        public static partial void TurnFailed(ILogger logger, Exception exception, Guid conversationId, BotTurnKind kind);

        [LoggerMessage(EventId = 3101, Level = LogLevel.Debug, Message = "Bot turn {Sequence} of conversation {ConversationId} is answered or held by another node")]
        public static partial void TurnNotClaimed(ILogger logger, Guid conversationId, long sequence);

        [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Bot turn {Sequence} of conversation {ConversationId} was taken over after its lease ran out; this node's answer is discarded")]
        public static partial void TurnTakenOver(ILogger logger, Guid conversationId, long sequence);
    }
}
