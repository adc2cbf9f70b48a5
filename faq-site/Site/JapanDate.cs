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
}
