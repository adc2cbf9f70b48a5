using ConversationHub.Core.Operations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Handoff.Programs.Reservations;

/// <summary>
/// Every <see cref="ReservationOptions.NoticePollInterval"/>, sends the LINE and SMS notices that are due: the retries,
/// and any whose first try after the commit did not happen (the node stopped). Each is claimed, so nodes share the work.
/// </summary>
internal sealed class ReservationNoticeService(
    ReservationNoticeOutbox outbox,
    IOptionsMonitor<ReservationOptions> options,
    TimeProvider time,
    ILogger<ReservationNoticeService> logger) : RecurringPassService(time, logger)
{
    protected override bool Enabled => options.CurrentValue.Enabled;

    protected override TimeSpan Interval => options.CurrentValue.NoticePollInterval;

    protected override string PassName => "reservation notices";

    protected override Task RunPassAsync(CancellationToken cancellationToken) => outbox.RunAsync(cancellationToken);
}
