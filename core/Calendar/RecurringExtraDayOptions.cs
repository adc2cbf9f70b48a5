namespace ConversationHub.Core.Calendar;

/// <summary>A monthly opening on the nth (or last) weekday of the month, e.g. the second Sunday 09:00–12:00.</summary>
public sealed class RecurringExtraDayOptions
{
    /// <summary>Which occurrence of <see cref="DayOfWeek"/>: <c>1</c>–<c>5</c>, or <c>Last</c>.</summary>
    public WeekOfMonth? Week { get; set; }

    /// <summary>The weekday, e.g. <c>Sunday</c>.</summary>
    public DayOfWeek? DayOfWeek { get; set; }

    /// <summary>Opening hours in Japan time, <c>HH:mm-HH:mm</c> with the start before the end.</summary>
    public string? Hours { get; set; }

    /// <summary>An optional note shown with the hours (e.g. <c>第2日曜日開庁</c>).</summary>
    public string? Reason { get; set; }

    /// <summary>
    /// Whether the opening also happens when the day is a public holiday. Off by default, as in
    /// "毎月第2日曜日開庁（祝日を除く）"; 年末年始 (when <see cref="BusinessCalendarOptions.YearEndClosure"/> is on) always wins.
    /// </summary>
    public bool OpenOnHolidays { get; set; }
}
