using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Handoff.Reports;

/// <summary>
/// Every <see cref="ReportSchedule.CheckInterval"/>, makes the scheduled reports that are due and not made by any node
/// (<see cref="ScheduledReportRunner"/>); a node started late still makes what no node has made. It starts after
/// core's database start-up service (registered first), so the schema is there.
/// </summary>
internal sealed partial class GenerateScheduledReportsService(
    ScheduledReportRunner runner,
    IOptionsMonitor<ReportOptions> options,
    TimeProvider time,
    ILogger<GenerateScheduledReportsService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (options.CurrentValue.Schedule.Enabled)
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
                await Task.Delay(options.CurrentValue.Schedule.CheckInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4710, Level = LogLevel.Warning, Message = "The scheduled reports pass failed; the next pass retries.")]
        public static partial void PassFailed(ILogger logger, Exception exception);
    }
}
