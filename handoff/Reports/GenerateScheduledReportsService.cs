using ConversationHub.Core.Operations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Handoff.Reports;

/// <summary>
/// Every <see cref="ReportSchedule.CheckInterval"/>, makes the scheduled reports that are due and not made by any node
/// (<see cref="ScheduledReportRunner"/>); a node started late still makes what no node has made. It starts after
/// core's database start-up service (registered first), so the schema is there.
/// </summary>
internal sealed class GenerateScheduledReportsService(
    ScheduledReportRunner runner,
    IOptionsMonitor<ReportOptions> options,
    TimeProvider time,
    ILogger<GenerateScheduledReportsService> logger) : RecurringPassService(time, logger)
{
    protected override bool Enabled => options.CurrentValue.Schedule.Enabled;

    protected override TimeSpan Interval => options.CurrentValue.Schedule.CheckInterval;

    protected override string PassName => "scheduled reports";

    protected override Task RunPassAsync(CancellationToken cancellationToken) => runner.RunAsync(cancellationToken);
}
