using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ConversationHub.Bot.Engine;

/// <summary>
/// Takes the bot's turns one at a time, in a DI scope each, so turns of one conversation never overlap and a
/// failure in one turn is logged and does not stop the next.
/// </summary>
internal sealed partial class BotTurnWorker(BotTurnQueue queue, IServiceScopeFactory scopes, ILogger<BotTurnWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var turn in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<FaqBot>().TakeTurnAsync(turn, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    Log.TurnFailed(logger, ex, turn.ConversationId, turn.Kind);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3100, Level = LogLevel.Error, Message = "Bot turn {Kind} failed in conversation {ConversationId}")]
        public static partial void TurnFailed(ILogger logger, Exception exception, Guid conversationId, BotTurnKind kind);
    }
}
