using ConversationHub.Core.Operations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Handoff.Programs.Forms;

/// <summary>
/// Every <see cref="FormExportOptions.CheckInterval"/>, makes the forms' daily CSVs that are due and not made by any
/// node (<see cref="DailyFormExportRunner"/>).
/// </summary>
internal sealed class MakeDailyFormExportsService(
    DailyFormExportRunner runner,
    IOptionsMonitor<FormExportOptions> options,
    TimeProvider time,
    ILogger<MakeDailyFormExportsService> logger) : RecurringPassService(time, logger)
{
    protected override bool Enabled => options.CurrentValue.DailyEnabled;

    protected override TimeSpan Interval => options.CurrentValue.CheckInterval;

    protected override string PassName => "forms' daily CSV";

    protected override Task RunPassAsync(CancellationToken cancellationToken) => runner.RunAsync(cancellationToken);
}
