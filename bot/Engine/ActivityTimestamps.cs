using System.Globalization;

namespace ConversationHub.Bot.Engine;

/// <summary>
/// Activity timestamps. Web Chat orders activities by <c>timestamp</c> (millisecond resolution), so each new one is
/// taken strictly after the conversation's last one, even when the clock has not moved a millisecond.
/// </summary>
internal static class ActivityTimestamps
{
    public static DateTime Next(DateTime nowUtc, DateTime? lastUtc)
    {
        var now = Truncate(nowUtc);
        return lastUtc is { } last && now <= Truncate(last) ? Truncate(last).AddMilliseconds(1) : now;
    }

    public static string Format(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static DateTime Truncate(DateTime utc) => new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
}
