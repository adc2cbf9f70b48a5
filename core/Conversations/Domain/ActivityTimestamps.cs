using System.Globalization;

namespace ConversationHub.Core.Conversations.Domain;

/// <summary>
/// Activity timestamps. Web Chat orders activities by <c>timestamp</c> (millisecond resolution), so each new one is
/// taken strictly after the conversation's last one, even when the clock has not moved a millisecond.
/// </summary>
public static class ActivityTimestamps
{
    /// <summary>Now, or 1 ms after <paramref name="lastUtc"/> when the clock has not passed it (millisecond resolution).</summary>
    public static DateTime Next(DateTime nowUtc, DateTime? lastUtc)
    {
        var now = Truncate(nowUtc);
        return lastUtc is { } last && now <= Truncate(last) ? Truncate(last).AddMilliseconds(1) : now;
    }

    /// <summary>ISO-8601 UTC with milliseconds, as Bot Framework clients expect.</summary>
    public static string Format(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary><paramref name="utc"/> without its sub-millisecond part.</summary>
    public static DateTime Truncate(DateTime utc) => new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
}
