using ConversationHub.Core.Calendar;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Cases;
using ConversationHub.Handoff.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Handoff.Reports;

/// <summary>
/// Makes the reports that are due and not made yet: after <see cref="ReportSchedule.DailyAt"/> (Japan time) the
/// daily report whose last day is yesterday (none when yesterday was closed: the next working day's report covers
/// it), and from the <see cref="ReportSchedule.MonthlyWorkingDay"/>-th working day of a month the previous month's
/// report. Each is claimed first (a unique (kind, period) row, as retention claims its runs), so every node may call
/// this and each report is made once.
/// </summary>
internal sealed partial class ScheduledReportRunner(
    IServiceScopeFactory scopes,
    IOptionsMonitor<ReportOptions> options,
    TimeProvider time,
    ILogger<ScheduledReportRunner> logger)
{
    /// <summary>Makes what is due; returns the (kind, period) of the reports this call made.</summary>
    public async Task<IReadOnlyList<(string Kind, string Period)>> RunAsync(CancellationToken cancellationToken)
    {
        var schedule = options.CurrentValue.Schedule;
        var now = JapanTime.ToJapan(time.GetUtcNow());
        var today = DateOnly.FromDateTime(now.DateTime);
        var made = new List<(string, string)>();
        if (now.TimeOfDay < schedule.DailyAt)
        {
            return made;
        }

        await using var scope = scopes.CreateAsyncScope();
        var periods = scope.ServiceProvider.GetRequiredService<DailyPeriods>();
        var due = new List<(string Kind, ReportPeriod Period)>();
        var yesterday = today.AddDays(-1);
        if (periods.IsWorkingDay(yesterday))
        {
            due.Add((ReportKinds.Daily, periods.Covering(yesterday)));
        }

        if (NthWorkingDay(periods, today, schedule.MonthlyWorkingDay) is { } day && today >= day)
        {
            due.Add((ReportKinds.Monthly, ReportPeriod.Month(today.AddMonths(-1))));
        }

        foreach (var (kind, period) in due)
        {
            try
            {
                if (await MakeAsync(kind, period, cancellationToken))
                {
                    made.Add((kind, period.Key(kind)));
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The claim stays without bytes: the list shows it as not made, and an administrator sees the log.
                Log.Failed(logger, kind, period.Key(kind), ex);
            }
        }

        return made;
    }

    private static DateOnly? NthWorkingDay(DailyPeriods periods, DateOnly inMonth, int n)
    {
        var count = 0;
        for (var day = new DateOnly(inMonth.Year, inMonth.Month, 1); day.Month == inMonth.Month; day = day.AddDays(1))
        {
            if (periods.IsWorkingDay(day) && ++count == n)
            {
                return day;
            }
        }

        return null;
    }

    private async Task<bool> MakeAsync(string kind, ReportPeriod period, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var claim = new GeneratedReport(kind, period.Key(kind), period.From, period.To, time.GetUtcNow().UtcDateTime);
        // Another node may claim the same report first.
        if (!await UniqueClaims.TryInsertAsync(db, claim, r => r.Kind == claim.Kind && r.Period == claim.Period, cancellationToken))
        {
            return false;
        }

        var definition = scope.ServiceProvider.GetServices<IReportDefinition>().Single(d => d.Kind == kind);
        var document = await definition.BuildAsync(period, ReportViewer.Center, cancellationToken);
        claim.Complete(ReportExport.Csv(document, CaseCsvEncoding.Utf8), ReportExport.Xlsx(document), time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        Log.Made(logger, kind, claim.Period);
        return true;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4700, Level = LogLevel.Information, Message = "Made the {Kind} report of {Period}.")]
        public static partial void Made(ILogger logger, string kind, string period);

        [LoggerMessage(EventId = 4701, Level = LogLevel.Warning, Message = "Making the {Kind} report of {Period} failed; it stays listed as not made.")]
        public static partial void Failed(ILogger logger, string kind, string period, Exception exception);
    }
}
