using System.Globalization;

namespace ConversationHub.Faq.Site;

/// <summary>Dates as citizens read them: the day in Japan time, written 2026年11月23日.</summary>
internal static class JapanDate
{
    // Japan has no daylight saving, so a fixed offset is exact and needs no time-zone data.
    private static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOnly.FromDateTime(time.GetUtcNow().ToOffset(Offset).DateTime);
    }

    public static DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Offset).DateTime);

    public static string Format(DateTime utc) => DayOf(utc).ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    /// <summary>Date and time in Japan time for staff screens: 2026年11月23日 10:05.</summary>
    public static string FormatDateTime(DateTime utc) => ToJapan(utc).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The value of an <c>&lt;input type="datetime-local"&gt;</c> showing <paramref name="utc"/> in Japan time.</summary>
    public static string ToLocalInput(DateTime? utc) => utc is { } value ? ToJapan(value).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) : "";

    /// <summary>Reads a <c>datetime-local</c> value typed in Japan time; false when it is not a date and time.</summary>
    public static bool TryParseLocalInput(string? text, out DateTime? utc)
    {
        utc = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!DateTime.TryParseExact(text.Trim(), ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        utc = DateTime.SpecifyKind(local - Offset, DateTimeKind.Utc);
        return true;
    }

    private static DateTime ToJapan(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Offset).DateTime;
}
