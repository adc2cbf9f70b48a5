using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Handoff.Programs.Reservations;

/// <summary>
/// Every <see cref="ReservationOptions.CheckInterval"/>, makes the morning ledgers and sends the day-before reminders
/// that are due (each once across nodes). It starts after core's database start-up service, so the schema is there.
/// </summary>
internal sealed partial class ReservationSweepService(
    ReservationLedgerRunner ledgers,
    ReservationReminderRunner reminders,
    IOptionsMonitor<ReservationOptions> options,
    TimeProvider time,
    ILogger<ReservationSweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (options.CurrentValue.Enabled)
            {
                try
                {
                    await ledgers.RunAsync(stoppingToken);
                    await reminders.RunAsync(stoppingToken);
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
        [LoggerMessage(EventId = 4973, Level = LogLevel.Warning, Message = "The reservations' sweep failed; the next pass retries.")]
        public static partial void PassFailed(ILogger logger, Exception exception);
    }
}
