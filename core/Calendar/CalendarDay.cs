namespace ConversationHub.Core.Calendar;

/// <summary>Whether the office opens on a date, with its hours or the reason it is closed.</summary>
/// <param name="Date">The day, in Japan.</param>
/// <param name="Hours">The opening hours, or <see langword="null"/> when closed.</param>
/// <param name="ClosedReason">
/// When closed: the holiday's name (e.g. <c>海の日</c>, <c>振替休日</c>), <c>年末年始</c>, the closure's reason
/// (<c>臨時休業</c> when none was given), or <c>休業日</c> for a day without weekly hours. <see langword="null"/> when open.
/// </param>
public sealed record CalendarDay(DateOnly Date, DayHours? Hours, string? ClosedReason)
{
    /// <summary>Whether the office opens at some time on this day.</summary>
    public bool IsOpen => Hours is not null;
}
