using System.Globalization;

namespace ConversationHub.Handoff.Reports;

/// <summary>The Japan-time days a report covers, both inclusive.</summary>
internal sealed record ReportPeriod(DateOnly From, DateOnly To)
{
    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");

    /// <summary>The month of <paramref name="month"/>'s first day.</summary>
    public static ReportPeriod Month(DateOnly month)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        return new ReportPeriod(first, first.AddMonths(1).AddDays(-1));
    }

    /// <summary>Whether it is one day.</summary>
    public bool IsOneDay => From == To;

    /// <summary>The first instant (UTC) of the period.</summary>
    public DateTime FromUtc => Core.Calendar.JapanTime.At(From, TimeOnly.MinValue).UtcDateTime;

    /// <summary>The first instant (UTC) after the period.</summary>
    public DateTime ToUtcExclusive => Core.Calendar.JapanTime.At(To.AddDays(1), TimeOnly.MinValue).UtcDateTime;

    /// <summary>Every day of the period.</summary>
    public IEnumerable<DateOnly> Days => Enumerable.Range(0, To.DayNumber - From.DayNumber + 1).Select(From.AddDays);

    /// <summary>The key a stored copy is filed under: <c>2026-11-24</c>, <c>2026-11-21..2026-11-24</c>, <c>2026-11</c>.</summary>
    public string Key(string kind) => kind switch
    {
        ReportKinds.Monthly => From.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        ReportKinds.Final => From.ToString("yyyy-MM", CultureInfo.InvariantCulture) + ".." + To.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => IsOneDay ? Iso(From) : Iso(From) + ".." + Iso(To),
    };

    /// <summary>The period in Japanese: 2026年11月24日（火）, or 2026年11月21日（土）～2026年11月24日（火）.</summary>
    public string Label => IsOneDay ? DayLabel(From) : DayLabel(From) + "～" + DayLabel(To);

    /// <summary>A day in Japanese with its weekday.</summary>
    public static string DayLabel(DateOnly day) => day.ToString("yyyy年M月d日（ddd）", Japanese);

    /// <summary>A month in Japanese.</summary>
    public static string MonthLabel(DateOnly month) => month.ToString("yyyy年M月", Japanese);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
