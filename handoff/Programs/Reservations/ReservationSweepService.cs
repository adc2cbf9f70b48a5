using ConversationHub.Core.Operations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Handoff.Programs.Reservations;

/// <summary>
/// Every <see cref="ReservationOptions.CheckInterval"/>, makes the morning ledgers and sends the day-before reminders
/// that are due (each once across nodes). It starts after core's database start-up service, so the schema is there.
/// </summary>
internal sealed class ReservationSweepService(
    ReservationLedgerRunner ledgers,
    ReservationReminderRunner reminders,
    IOptionsMonitor<ReservationOptions> options,
    TimeProvider time,
    ILogger<ReservationSweepService> logger) : RecurringPassService(time, logger)
{
    protected override bool Enabled => options.CurrentValue.Enabled;

    protected override TimeSpan Interval => options.CurrentValue.CheckInterval;

    protected override string PassName => "reservations' sweep";

    protected override async Task RunPassAsync(CancellationToken cancellationToken)
    {
        await ledgers.RunAsync(cancellationToken);
        await reminders.RunAsync(cancellationToken);
    }
}
