namespace ConversationHub.Core.Calendar;

/// <summary>The office's opening hours on one day, in Japan time.</summary>
/// <param name="Date">The day.</param>
/// <param name="Opens">Opening time (inclusive).</param>
/// <param name="Closes">Closing time (exclusive); always after <paramref name="Opens"/>.</param>
/// <param name="Note">Why the office opens on a day it usually would not (e.g. <c>第2日曜日開庁</c>); <see langword="null"/> on a regular day.</param>
public sealed record DayHours(DateOnly Date, TimeOnly Opens, TimeOnly Closes, string? Note)
{
    /// <summary>The opening instant, with the +09:00 offset.</summary>
    public DateTimeOffset OpensAt => JapanTime.At(Date, Opens);

    /// <summary>The closing instant, with the +09:00 offset.</summary>
    public DateTimeOffset ClosesAt => JapanTime.At(Date, Closes);
}
