namespace ConversationHub.Core.Calendar;

/// <summary>A date on which the office is closed whatever the other rules say (臨時休業).</summary>
public sealed class CalendarClosureOptions
{
    /// <summary>The date in Japan, <c>yyyy-MM-dd</c>.</summary>
    public string? Date { get; set; }

    /// <summary>Why the office is closed, shown to citizens (e.g. <c>システム保守</c>); <c>臨時休業</c> when empty.</summary>
    public string? Reason { get; set; }
}
