using Microsoft.Extensions.Options;

namespace ConversationHub.Core.Calendar;

/// <summary>
/// Calendars other than the office's own: a program's (施策) hours are a calendar of their own, built from its weekly and
/// monthly hours and the city's closures, by the same rules as the office's.
/// </summary>
public static class BusinessCalendars
{
    /// <summary>A calendar of <paramref name="options"/>; check them first with <see cref="Validate"/>.</summary>
    public static IBusinessCalendar Create(BusinessCalendarOptions options, TimeProvider timeProvider) =>
        new BusinessCalendar(Options.Create(options), timeProvider);

    /// <summary>What is wrong with <paramref name="options"/>, each message naming the setting; empty when nothing is.</summary>
    public static IReadOnlyList<string> Validate(BusinessCalendarOptions options)
    {
        var result = new BusinessCalendarOptionsValidator().Validate(null, options);
        return result.Failed ? [.. result.Failures ?? []] : [];
    }
}
