namespace ConversationHub.Core.Calendar;

/// <summary>
/// The office's opening days and hours (weekly hours, public holidays, 年末年始, closures and extra opening days),
/// as configured in <see cref="BusinessCalendarOptions"/>. Dates are Japan dates; instants may carry any offset.
/// </summary>
/// <remarks>
/// Supports dates in <see cref="JapanesePublicHolidays.MinYear"/>–<see cref="JapanesePublicHolidays.MaxYear"/>;
/// other dates throw <see cref="ArgumentOutOfRangeException"/>.
/// </remarks>
public interface IBusinessCalendar
{
    /// <summary>The hours of <paramref name="day"/>, or the reason the office is closed that day.</summary>
    CalendarDay GetDay(DateOnly day);

    /// <summary>The hours of <paramref name="day"/>, or <see langword="null"/> when closed (see <see cref="GetDay"/> for why).</summary>
    DayHours? GetHours(DateOnly day);

    /// <summary>Whether the office is open at <paramref name="instant"/> (opening time inclusive, closing time exclusive).</summary>
    bool IsOpen(DateTimeOffset instant);

    /// <summary>Whether the office is open now, by the registered <see cref="TimeProvider"/>.</summary>
    bool IsOpenNow();

    /// <summary>
    /// The first instant at or after <paramref name="from"/> when the office is open, in Japan time: <paramref name="from"/>
    /// itself when already open. <see langword="null"/> when it does not open within the next 60 days.
    /// </summary>
    DateTimeOffset? GetNextOpening(DateTimeOffset from);

    /// <summary>The time left until closing at <paramref name="instant"/>, or <see langword="null"/> when closed then.</summary>
    TimeSpan? GetTimeUntilClose(DateTimeOffset instant);
}
