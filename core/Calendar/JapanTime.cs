namespace ConversationHub.Core.Calendar;

/// <summary>Japan Standard Time. Japan has no daylight saving, so a fixed offset is exact and needs no tzdata.</summary>
internal static class JapanTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    public static DateTimeOffset ToJapan(DateTimeOffset instant) => instant.ToOffset(Offset);

    public static DateTimeOffset At(DateOnly date, TimeOnly time) => new(date, time, Offset);
}
