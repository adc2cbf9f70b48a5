using Microsoft.Extensions.Options;

namespace ConversationHub.Core.Calendar;

/// <summary>Checks the <c>Calendar</c> section at start-up; each message names the exact setting and its value.</summary>
internal sealed class BusinessCalendarOptionsValidator : IValidateOptions<BusinessCalendarOptions>
{
    private const string Section = BusinessCalendarOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, BusinessCalendarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        foreach (var (day, text) in options.WeeklyHours.OrderBy(p => p.Key))
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                CheckHours(failures, $"{Section}:WeeklyHours:{day}", text);
            }
        }

        for (var i = 0; i < options.Closures.Count; i++)
        {
            CheckDate(failures, $"{Section}:Closures:{i}:Date", options.Closures[i].Date);
        }

        var extraDates = new Dictionary<DateOnly, int>();
        for (var i = 0; i < options.ExtraDays.Count; i++)
        {
            var key = $"{Section}:ExtraDays:{i}";
            if (CheckDate(failures, $"{key}:Date", options.ExtraDays[i].Date) is { } date && !extraDates.TryAdd(date, i))
            {
                failures.Add($"{key}:Date repeats {Section}:ExtraDays:{extraDates[date]}:Date ({date:yyyy-MM-dd}); give each date once");
            }

            CheckHours(failures, $"{key}:Hours", options.ExtraDays[i].Hours);
        }

        for (var i = 0; i < options.RecurringExtraDays.Count; i++)
        {
            var key = $"{Section}:RecurringExtraDays:{i}";
            var rule = options.RecurringExtraDays[i];
            if (rule.Week is not { } week || !Enum.IsDefined(week))
            {
                failures.Add($"{key}:Week must be 1-5 or Last (was '{rule.Week}')");
            }

            if (rule.DayOfWeek is not { } day || !Enum.IsDefined(day))
            {
                failures.Add($"{key}:DayOfWeek must be a weekday name such as Sunday (was '{rule.DayOfWeek}')");
            }

            CheckHours(failures, $"{key}:Hours", rule.Hours);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckHours(List<string> failures, string key, string? text)
    {
        if (!CalendarFormat.TryParseHours(text, out _))
        {
            failures.Add($"{key} must be {CalendarFormat.HoursFormat} with start before end (was '{text}')");
        }
    }

    private static DateOnly? CheckDate(List<string> failures, string key, string? text)
    {
        if (!CalendarFormat.TryParseDate(text, out var date))
        {
            failures.Add($"{key} must be a date in {CalendarFormat.DateFormat} form (was '{text}')");
            return null;
        }

        if (date.Year is < JapanesePublicHolidays.MinYear or > JapanesePublicHolidays.MaxYear)
        {
            failures.Add($"{key} must be in {JapanesePublicHolidays.MinYear}-{JapanesePublicHolidays.MaxYear} (was '{text}')");
            return null;
        }

        return date;
    }
}
