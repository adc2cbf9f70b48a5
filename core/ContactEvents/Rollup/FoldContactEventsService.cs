using ConversationHub.Core.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Core.ContactEvents.Rollup;

/// <summary>
/// Every <see cref="ContactRollupOptions.Interval"/>, folds the contact events not counted yet into the hourly roll-up,
/// batch after batch until none is left. Every node runs it; the pass's lock row lets one fold at a time, and the others
/// then find nothing left.
/// </summary>
internal sealed partial class FoldContactEventsService(
    IServiceScopeFactory scopes,
    DatabaseReadiness readiness,
    IOptionsMonitor<ContactRollupOptions> options,
    TimeProvider time,
    ILogger<FoldContactEventsService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var current = options.CurrentValue;
            if (readiness.IsStarted)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var pass = scope.ServiceProvider.GetRequiredService<ContactRollupPass>();
                    while (await pass.RunAsync(current.BatchSize, stoppingToken) == current.BatchSize)
                    {
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.PassFailed(logger, ex);
                }
            }

            try
            {
                await Task.Delay(current.Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1400, Level = LogLevel.Warning, Message = "Folding contact events into the hourly roll-up failed; the next pass retries.")]
        public static partial void PassFailed(ILogger logger, Exception exception);
    }
}
