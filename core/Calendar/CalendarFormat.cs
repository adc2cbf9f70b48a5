using System.Globalization;

namespace ConversationHub.Core.Calendar;

/// <summary>The text formats of the <c>Calendar</c> section, shared by the validator and the calendar.</summary>
internal static class CalendarFormat
{
    public const string HoursFormat = "HH:mm-HH:mm";
    public const string DateFormat = "yyyy-MM-dd";

    public static bool TryParseHours(string? text, out OpeningHours hours)
    {
        hours = default;
        var parts = text?.Split('-', StringSplitOptions.TrimEntries);
        if (parts is not [var start, var end]
            || !TimeOnly.TryParseExact(start, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var opens)
            || !TimeOnly.TryParseExact(end, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var closes)
            || opens >= closes)
        {
            return false;
        }

        hours = new OpeningHours(opens, closes);
        return true;
    }

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
