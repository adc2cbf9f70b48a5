namespace ConversationHub.Handoff.Cases;

/// <summary>Callbacks from cases (架電, section <c>Handoff:Callbacks</c>).</summary>
public sealed class CaseCallbackOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Handoff:Callbacks";

    /// <summary>
    /// How long a 発信中 flag holds without an outcome; after it anyone may dial again (a node killed mid-dial, a lost
    /// event). Longer than a PSTN ring timeout plus the greeting and the transfer.
    /// </summary>
    public TimeSpan DialingExpiry { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>No answer or busy reserves a re-dial this long after the attempt (the agent can move or clear it).</summary>
    public TimeSpan RedialAfter { get; set; } = TimeSpan.FromMinutes(30);
}
