using System.Globalization;

namespace ConversationHub.Host.Tests.Handoff;

/// <summary>Host settings for handoff tests: a contact center open all day around now, and short timers.</summary>
internal static class HandoffSettings
{
    /// <summary>
    /// Extra opening days (they take precedence over weekends, holidays and 年末年始) from yesterday to tomorrow in
    /// Japan, 00:00–23:59, so a person can be offered whenever the test runs; plus <paramref name="extra"/>.
    /// </summary>
    public static Dictionary<string, string?> OpenAllDay(IDictionary<string, string?>? extra = null)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Handoff:RoutingInterval"] = "00:00:00.200",
            ["Handoff:HeartbeatInterval"] = "00:00:02",
        };
        for (var i = -1; i <= 1; i++)
        {
            settings[$"Calendar:ExtraDays:{i + 1}:Date"] = today.AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            settings[$"Calendar:ExtraDays:{i + 1}:Hours"] = "00:00-23:59";
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }
}
