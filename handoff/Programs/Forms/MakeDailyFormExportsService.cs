using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Handoff.Programs.Forms;

/// <summary>
/// Every <see cref="FormExportOptions.CheckInterval"/>, makes the forms' daily CSVs that are due and not made by any
/// node (<see cref="DailyFormExportRunner"/>).
/// </summary>
internal sealed partial class MakeDailyFormExportsService(
    DailyFormExportRunner runner,
    IOptionsMonitor<FormExportOptions> options,
    TimeProvider time,
    ILogger<MakeDailyFormExportsService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (options.CurrentValue.DailyEnabled)
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
                await Task.Delay(options.CurrentValue.CheckInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4902, Level = LogLevel.Warning, Message = "The forms' daily CSV pass failed; the next pass retries.")]
        public static partial void PassFailed(ILogger logger, Exception exception);
    }
}
