using ConversationHub.Core.Calendar;
using ConversationHub.Core.ContactEvents.Figures;

namespace ConversationHub.Handoff.Reports;

/// <summary>Builds the daily report from the hourly roll-up (<see cref="IContactFigures"/>), never from the events.</summary>
internal sealed class DailyReports(IContactFigures figures, TimeProvider time)
{
    /// <summary>The day the morning's report covers: yesterday in Japan.</summary>
    public DateOnly Yesterday => DateOnly.FromDateTime(JapanTime.ToJapan(time.GetUtcNow()).DateTime).AddDays(-1);

    /// <summary>The report of <paramref name="day"/>, of one department's rows when <paramref name="departmentId"/> is given.</summary>
    public async Task<DailyReport> BuildAsync(DateOnly day, Guid? departmentId, CancellationToken cancellationToken)
    {
        var hours = await figures.HourlyAsync(new ContactFigureQuery(day, day, DepartmentId: departmentId), cancellationToken);
        var byHour = hours.ToLookup(h => h.HourJst.Hour);
        var rows = Enumerable.Range(0, 24).Select(hour => ReportRow.Of(hour, [.. byHour[hour]])).ToList();
        return new DailyReport(day, departmentId, rows, ReportRow.Of(null, [.. hours]));
    }
}
