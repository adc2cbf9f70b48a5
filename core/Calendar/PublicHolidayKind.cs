namespace ConversationHub.Core.Calendar;

/// <summary>The legal basis that makes a day a public holiday in Japan.</summary>
public enum PublicHolidayKind
{
    /// <summary>A national holiday (国民の祝日) named in Article 2 of the holiday law.</summary>
    NationalHoliday,

    /// <summary>A one-off day off set by its own law (大喪の礼, 即位礼正殿の儀, 結婚の儀, 即位の日).</summary>
    SpecialHoliday,

    /// <summary>A substitute holiday (振替休日) for a national holiday that fell on a Sunday (Article 3-2).</summary>
    SubstituteHoliday,

    /// <summary>A citizens' holiday (国民の休日): a day between two national holidays (Article 3-3, from 1986).</summary>
    CitizensHoliday,
}
