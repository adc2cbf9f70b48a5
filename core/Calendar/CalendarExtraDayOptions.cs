namespace ConversationHub.Core.Calendar;

/// <summary>A date on which the office opens with the given hours even on a weekend, holiday or 年末年始.</summary>
public sealed class CalendarExtraDayOptions
{
    /// <summary>The date in Japan, <c>yyyy-MM-dd</c>.</summary>
    public string? Date { get; set; }

    /// <summary>Opening hours in Japan time, <c>HH:mm-HH:mm</c> with the start before the end (e.g. <c>09:00-12:00</c>).</summary>
    public string? Hours { get; set; }

    /// <summary>An optional note shown with the hours (e.g. <c>年度末休日開庁</c>).</summary>
    public string? Reason { get; set; }
}
