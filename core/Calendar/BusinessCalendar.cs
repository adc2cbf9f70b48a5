using Microsoft.Extensions.Options;

namespace ConversationHub.Core.Calendar;

/// <inheritdoc cref="IBusinessCalendar" />
/// <remarks>The options are validated at start-up and read once; a configuration change needs a restart.</remarks>
internal sealed class BusinessCalendar : IBusinessCalendar
{
    internal const int MaxSearchDays = 60;
    internal const string YearEndReason = "年末年始";
    internal const string DefaultClosureReason = "臨時休業";
    internal const string RegularDayOffReason = "休業日";

    private readonly TimeProvider _timeProvider;
    private readonly OpeningHours?[] _weekly = new OpeningHours?[7];
    private readonly bool _yearEndClosure;
    private readonly Dictionary<DateOnly, string> _closures = [];
    private readonly Dictionary<DateOnly, (OpeningHours Hours, string? Note)> _extraDays = [];
    private readonly List<(WeekOfMonth Week, DayOfWeek Day, OpeningHours Hours, string? Note, bool OnHolidays)> _recurring = [];

    public BusinessCalendar(IOptions<BusinessCalendarOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;

        // The validator has already rejected malformed values, so failed parses here only skip closed days.
        var value = options.Value;
        foreach (var (day, text) in value.WeeklyHours)
        {
            _weekly[(int)day] = CalendarFormat.TryParseHours(text, out var hours) ? hours : null;
        }

        _yearEndClosure = value.YearEndClosure;
        foreach (var closure in value.Closures)
        {
            if (CalendarFormat.TryParseDate(closure.Date, out var date))
            {
                _closures[date] = string.IsNullOrWhiteSpace(closure.Reason) ? DefaultClosureReason : closure.Reason.Trim();
            }
        }

        foreach (var extra in value.ExtraDays)
        {
            if (CalendarFormat.TryParseDate(extra.Date, out var date) && CalendarFormat.TryParseHours(extra.Hours, out var hours))
            {
                _extraDays[date] = (hours, NullIfEmpty(extra.Reason));
            }
        }

        foreach (var rule in value.RecurringExtraDays)
        {
            if (rule is { Week: { } week, DayOfWeek: { } day } && CalendarFormat.TryParseHours(rule.Hours, out var hours))
            {
                _recurring.Add((week, day, hours, NullIfEmpty(rule.Reason), rule.OpenOnHolidays));
            }
        }
    }

    public CalendarDay GetDay(DateOnly day)
    {
        // Precedence (documented on BusinessCalendarOptions): closure > extra day > 年末年始 > recurring extra day
        // (unless it falls on a holiday and the rule does not open on holidays) > public holiday > weekly hours.
        var holiday = JapanesePublicHolidays.GetHoliday(day);
        if (_closures.TryGetValue(day, out var reason))
        {
            return Closed(day, reason);
        }

        if (_extraDays.TryGetValue(day, out var extra))
        {
            return Open(day, extra.Hours, extra.Note);
        }

        if (_yearEndClosure && IsYearEnd(day))
        {
            return Closed(day, YearEndReason);
        }

        foreach (var rule in _recurring)
        {
            if (rule.Day == day.DayOfWeek && IsWeekOfMonth(day, rule.Week) && (holiday is null || rule.OnHolidays))
            {
                return Open(day, rule.Hours, rule.Note);
            }
        }

        if (holiday is not null)
        {
            return Closed(day, holiday.Name);
        }

        return _weekly[(int)day.DayOfWeek] is { } weekly ? Open(day, weekly, null) : Closed(day, RegularDayOffReason);
    }

    public DayHours? GetHours(DateOnly day) => GetDay(day).Hours;

    public bool IsOpen(DateTimeOffset instant) => GetTimeUntilClose(instant) is not null;

    public bool IsOpenNow() => IsOpen(_timeProvider.GetUtcNow());

    public DateTimeOffset? GetNextOpening(DateTimeOffset from)
    {
        var local = JapanTime.ToJapan(from);
        var today = DateOnly.FromDateTime(local.DateTime);
        for (var offset = 0; offset <= MaxSearchDays; offset++)
        {
            if (GetHours(today.AddDays(offset)) is not { } hours)
            {
                continue;
            }

            if (local < hours.OpensAt)
            {
                return hours.OpensAt;
            }

            if (local < hours.ClosesAt)
            {
                return local;
            }
        }

        return null;
    }

    public TimeSpan? GetTimeUntilClose(DateTimeOffset instant)
    {
        var local = JapanTime.ToJapan(instant);
        var hours = GetHours(DateOnly.FromDateTime(local.DateTime));
        return hours is not null && local >= hours.OpensAt && local < hours.ClosesAt ? hours.ClosesAt - local : null;
    }

    private static bool IsYearEnd(DateOnly date) => date is { Month: 12, Day: >= 29 } or { Month: 1, Day: <= 3 };

    private static bool IsWeekOfMonth(DateOnly date, WeekOfMonth week) => week == WeekOfMonth.Last
        ? date.Day + 7 > DateTime.DaysInMonth(date.Year, date.Month)
        : ((date.Day - 1) / 7) + 1 == (int)week;

    private static CalendarDay Open(DateOnly date, OpeningHours hours, string? note) =>
        new(date, new DayHours(date, hours.Opens, hours.Closes, note), null);

    private static CalendarDay Closed(DateOnly date, string reason) => new(date, null, reason);

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
