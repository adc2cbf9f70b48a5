namespace ConversationHub.Core.ContactEvents.Rollup;

/// <summary>The hourly roll-up's timing (section <c>ContactRollup</c>).</summary>
public sealed class ContactRollupOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "ContactRollup";

    /// <summary>How often each node looks for events to fold (a report is at most this much behind).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Events folded per transaction.</summary>
    public int BatchSize { get; set; } = 1000;
}
