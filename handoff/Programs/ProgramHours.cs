using System.Text.Json;
using ConversationHub.Core.Calendar;

namespace ConversationHub.Handoff.Programs;

/// <summary>
/// A program's own hours: weekly hours and monthly extra days (e.g. weekdays and the second Sunday 8:30–17:15, lunch
/// included). The city's closures (年末年始, 臨時休業) apply on top, so a program is never open when the city is closed
/// for the day; public holidays close it unless a monthly rule opens on them.
/// </summary>
internal sealed class ProgramHours
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    /// <summary>Weekly hours per weekday, <c>HH:mm-HH:mm</c>; a missing or empty day is closed.</summary>
    public Dictionary<DayOfWeek, string?> Weekly { get; init; } = [];

    /// <summary>Monthly openings such as the second Sunday.</summary>
    public List<RecurringExtraDayOptions> Monthly { get; init; } = [];

    public static ProgramHours Parse(string json) => JsonSerializer.Deserialize<ProgramHours>(json, Json) ?? new ProgramHours();

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The calendar options of these hours with the city's closures and year-end closure.</summary>
    public BusinessCalendarOptions ToCalendarOptions(BusinessCalendarOptions city)
    {
        ArgumentNullException.ThrowIfNull(city);
        var options = new BusinessCalendarOptions { YearEndClosure = city.YearEndClosure };
        options.WeeklyHours.Clear();
        foreach (var (day, hours) in Weekly)
        {
            options.WeeklyHours[day] = hours;
        }

        foreach (var closure in city.Closures)
        {
            options.Closures.Add(closure);
        }

        foreach (var rule in Monthly)
        {
            options.RecurringExtraDays.Add(rule);
        }

        return options;
    }
}
