using ConversationHub.Core.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Core.Retention;

/// <summary>
/// Every <see cref="RetentionOptions.CheckInterval"/>, runs the retention kinds whose run of today is not claimed yet.
/// Every node runs it; the claim rows make each kind run once a day across nodes, and a node started late in the day
/// still runs what no node has run.
/// </summary>
internal sealed partial class ApplyRetentionService(
    RetentionRunner runner,
    DatabaseReadiness readiness,
    IOptionsMonitor<RetentionOptions> options,
    TimeProvider time,
    ILogger<ApplyRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (readiness.IsStarted)
            {
                try
                {
                    await runner.RunAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.PassFailed(logger, ex);
                }
            }

            try
            {
                // Until the database is ready, look again soon rather than an hour later.
                await Task.Delay(readiness.IsStarted ? options.CurrentValue.CheckInterval : TimeSpan.FromSeconds(5), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1510, Level = LogLevel.Warning, Message = "The retention pass failed; the next pass retries.")]
        public static partial void PassFailed(ILogger logger, Exception exception);
    }
}
