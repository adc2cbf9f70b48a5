namespace ConversationHub.Core.Calendar;

/// <summary>
/// Opening days and hours of the office, bound from the <c>Calendar</c> section. All dates and times are Japan time.
/// </summary>
/// <remarks>
/// Precedence, first match wins: <see cref="Closures"/>; <see cref="ExtraDays"/>; 年末年始 (<see cref="YearEndClosure"/>);
/// <see cref="RecurringExtraDays"/> (on a public holiday only with <see cref="RecurringExtraDayOptions.OpenOnHolidays"/>);
/// public holidays; <see cref="WeeklyHours"/>.
/// </remarks>
public sealed class BusinessCalendarOptions
{
    /// <summary>The configuration section, <c>Calendar</c>.</summary>
    public const string SectionName = "Calendar";

    /// <summary>
    /// Hours per weekday, <c>HH:mm-HH:mm</c> (start before end); <see langword="null"/> or empty means closed.
    /// Defaults to 08:30–17:15 on weekdays and closed on Saturday and Sunday; a weekday left out of the section keeps its default.
    /// </summary>
    public Dictionary<DayOfWeek, string?> WeeklyHours { get; } = new()
    {
        [DayOfWeek.Monday] = "08:30-17:15",
        [DayOfWeek.Tuesday] = "08:30-17:15",
        [DayOfWeek.Wednesday] = "08:30-17:15",
        [DayOfWeek.Thursday] = "08:30-17:15",
        [DayOfWeek.Friday] = "08:30-17:15",
        [DayOfWeek.Saturday] = null,
        [DayOfWeek.Sunday] = null,
    };

    /// <summary>Whether the office closes for 年末年始, 12/29 to 1/3 inclusive. Defaults to <see langword="true"/>.</summary>
    public bool YearEndClosure { get; set; } = true;

    /// <summary>Dates on which the office is closed; they beat every other rule.</summary>
    public IList<CalendarClosureOptions> Closures { get; } = [];

    /// <summary>Dates on which the office opens with their own hours, even on a weekend, holiday or 年末年始.</summary>
    public IList<CalendarExtraDayOptions> ExtraDays { get; } = [];

    /// <summary>Monthly openings on the nth or last weekday of each month (e.g. 第2日曜日開庁).</summary>
    public IList<RecurringExtraDayOptions> RecurringExtraDays { get; } = [];
}
