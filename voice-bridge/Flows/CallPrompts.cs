using System.Globalization;
using System.Resources;
using ConversationHub.Core.Calendar;
using ConversationHub.VoiceBridge.Resources;

namespace ConversationHub.VoiceBridge.Flows;

/// <summary>
/// The words a caller hears, from the resource files in the call's language: the opening for each way a call is met
/// (<see cref="CallEntry"/>), with dates and times in JST written the way the language says them.
/// </summary>
public static class CallPrompts
{
    private static readonly ResourceManager Resources = new(typeof(VoiceStrings));

    /// <summary>One prompt by key (without the <c>Voice_</c> prefix), formatted with <paramref name="args"/>.</summary>
    public static string Text(CallLanguage language, string key, params object[] args)
    {
        ArgumentNullException.ThrowIfNull(language);
        var format = Resources.GetString("Voice_" + key, language.Culture)
            ?? throw new InvalidOperationException($"The prompt Voice_{key} is missing from VoiceStrings.resx.");
        return args.Length == 0 ? format : string.Format(language.Culture, format, args);
    }

    /// <summary>What the caller hears first: the greeting and the menu, or why the call ends here.</summary>
    /// <remarks>
    /// <paramref name="greeting"/>, when given, replaces the standard greeting (a line's own, set by administrators);
    /// <paramref name="reservationSite"/> adds the reservation site's address by SMS (4) to the alternatives of a congested line.
    /// </remarks>
    public static string Opening(CallEntry entry, CallLanguage language, string cityName, DateOnly? serviceEndedOn = null, string? greeting = null, bool reservationSite = false)
    {
        ArgumentNullException.ThrowIfNull(entry);
        greeting = string.IsNullOrWhiteSpace(greeting) ? Text(language, "Greeting", cityName) : greeting.Trim();
        return entry.Kind switch
        {
            CallEntryKind.Forward => Text(language, "Forwarding"),
            CallEntryKind.ServiceEnded => greeting + Text(language, "ServiceEnded", Date(language, serviceEndedOn)),
            CallEntryKind.Closed when entry.NextOpening is { } next => greeting + Text(language, "Closed", When(language, next)),
            CallEntryKind.Closed => greeting + Text(language, "ClosedNoNext"),
            _ when entry.Congested => greeting + Text(language, "Congested") + (reservationSite ? Text(language, "CongestedReservation") : "") + Text(language, "Menu"),
            _ => greeting + Text(language, entry.OperatorOffered ? "MenuWithOperator" : "Menu"),
        };
    }

    /// <summary>A moment in JST as the language says it (12月7日（月）8時30分; Monday, December 7 at 8:30 AM).</summary>
    public static string When(CallLanguage language, DateTimeOffset instant) =>
        JapanTime.ToJapan(instant).ToString(Text(language, "DateTimeFormat"), language.Culture);

    private static string Date(CallLanguage language, DateOnly? day) =>
        day is { } d ? d.ToString(language.Culture.DateTimeFormat.LongDatePattern, language.Culture) : "";
}
