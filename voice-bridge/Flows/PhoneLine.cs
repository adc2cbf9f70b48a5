namespace ConversationHub.VoiceBridge.Flows;

/// <summary>
/// One city phone number and how its calls are met: its hours come from the business calendar; after
/// <see cref="ServiceEndsOn"/> callers hear that the service has ended; more than <see cref="MaxQueueLength"/> waiting or
/// an estimated wait above <see cref="MaxWait"/> is congestion (溢れ呼); <see cref="EmergencyForwardTo"/>, when set,
/// forwards every call at once (代表電話の切替).
/// </summary>
public sealed record PhoneLine
{
    /// <summary>The number callers dial, E.164 (+81…).</summary>
    public required string Number { get; init; }

    /// <summary>The line's name for staff (代表, 子育て相談 …).</summary>
    public string Name { get; init; } = "";

    /// <summary>The line's own greeting, replacing the standard one when set (plain text); null: the standard greeting.</summary>
    public string? Greeting { get; init; }

    /// <summary>The last day of a time-limited service (000 numbers of a program), JST; null: no end.</summary>
    public DateOnly? ServiceEndsOn { get; init; }

    /// <summary>Congestion: more callers than this already waiting for an operator.</summary>
    public int MaxQueueLength { get; init; } = 10;

    /// <summary>Congestion: an estimated wait above this.</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>When set, every call is forwarded here at once (E.164), whatever the hours.</summary>
    public string? EmergencyForwardTo { get; init; }

    /// <summary>The languages offered in the language menu, BCP 47 primary tags; the first is the default.</summary>
    public IReadOnlyList<string> Languages { get; init; } = ["ja"];
}
