namespace ConversationHub.Core.Calendar;

/// <summary>A day off under Japanese law.</summary>
/// <param name="Date">The calendar date in Japan.</param>
/// <param name="Name">The Japanese name: the holiday's own name (元日, 海の日 …), <c>振替休日</c> or <c>国民の休日</c>.</param>
/// <param name="Kind">The legal basis of the day off.</param>
public sealed record PublicHoliday(DateOnly Date, string Name, PublicHolidayKind Kind);
