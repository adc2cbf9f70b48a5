using ConversationHub.Core.Calendar;

namespace ConversationHub.Handoff.Reports;

/// <summary>
/// The closed-day rule of the daily report (the business calendar decides which days are closed): no report is made
/// for a closed day on its own; the report of the next working day covers it. So the report of working day W covers
/// the days after the previous working day up to W, and the morning after W it is made for "from the day after the
/// previous working day to yesterday". The report of a Tuesday after a Monday holiday covers 土・日・祝 and the Tuesday.
/// </summary>
internal sealed class DailyPeriods(IBusinessCalendar calendar, TimeProvider time)
{
    // A calendar with no working day in two months is misconfigured; the report then covers the day alone.
    private const int Horizon = 62;

    /// <summary>Yesterday in Japan.</summary>
    public DateOnly Yesterday => DateOnly.FromDateTime(JapanTime.ToJapan(time.GetUtcNow()).DateTime).AddDays(-1);

    /// <summary>Whether the office opens on <paramref name="day"/>.</summary>
    public bool IsWorkingDay(DateOnly day) => calendar.GetHours(day) is not null;

    /// <summary>The period of the report that covers <paramref name="day"/>: the report of the first working day on or after it.</summary>
    public ReportPeriod Covering(DateOnly day)
    {
        var end = Step(day, +1) ?? day;
        var previous = Step(end.AddDays(-1), -1);
        return new ReportPeriod(previous is { } p ? p.AddDays(1) : end, end);
    }

    /// <summary>The newest report complete by the morning after <paramref name="yesterday"/>: that of the last working day on or before it.</summary>
    public ReportPeriod LatestComplete(DateOnly yesterday) => Covering(Step(yesterday, -1) ?? yesterday);

    private DateOnly? Step(DateOnly from, int direction)
    {
        var day = from;
        for (var i = 0; i < Horizon; i++, day = day.AddDays(direction))
        {
            if (IsWorkingDay(day))
            {
                return day;
            }
        }

        return null;
    }
}
