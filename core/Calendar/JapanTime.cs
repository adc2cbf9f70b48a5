namespace ConversationHub.Core.Calendar;

/// <summary>Japan Standard Time. Japan has no daylight saving, so a fixed offset is exact and needs no tzdata.</summary>
public static class JapanTime
{
    /// <summary>UTC+9.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    /// <summary>The same instant in JST.</summary>
    public static DateTimeOffset ToJapan(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>A JST wall-clock time.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time) => new(date, time, Offset);
}
