namespace ConversationHub.Handoff;

/// <summary>The contact center's queue settings (<c>Handoff:*</c>).</summary>
public sealed class HandoffOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Handoff";

    /// <summary>Concurrent chats per agent unless the agent's own limit says otherwise.</summary>
    public int MaxConcurrentChats { get; set; } = 3;

    /// <summary>How long an offer waits for 応答 before it goes to the next agent.</summary>
    public TimeSpan OfferTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long an agent's chats wait for a lost console to come back before they return to the queue.</summary>
    public TimeSpan DisconnectGrace { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Congestion: with this many conversations waiting, a handoff is no longer offered (the bot offers the inquiry form
    /// and the phone number instead).
    /// </summary>
    public int MaxQueueLength { get; set; } = 20;

    /// <summary>The service level's target wait for chat (answered within it counts as answered in time).</summary>
    public TimeSpan TargetWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Average handling time assumed before the day has its own figure (for the estimated wait).</summary>
    public TimeSpan DefaultHandlingTime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the router looks at the queue when nothing wakes it earlier.</summary>
    public TimeSpan RoutingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The least time between two routing passes: under load every accept, close and handoff wakes the router, and
    /// passes back to back would spend the CPU that the chats need; wake-ups within the gap are served by one pass.
    /// </summary>
    public TimeSpan RoutingMinGap { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How often a node refreshes its agents' connections; a connection not refreshed for three times this is gone.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the satisfaction question takes an answer after the chat is closed.</summary>
    public TimeSpan SurveyWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Whether this node routes (a node that only serves HTTP can leave it to others).</summary>
    public bool Route { get; set; } = true;

    /// <summary>The wrap-up codes agents choose from on closing (code → label is in the resources: <c>WrapUp_{code}</c>).</summary>
    public IList<string> WrapUpCodes { get; } = [];

    /// <summary>The 離席 reasons agents choose from (code → label in the resources: <c>Away_{code}</c>).</summary>
    public IList<string> AwayReasons { get; } = [];

    /// <summary>The codes used when configuration lists none.</summary>
    internal static readonly string[] DefaultWrapUpCodes = ["resolved", "case_created", "escalated", "referred", "no_response", "prank"];

    /// <summary>The 離席 reasons used when configuration lists none.</summary>
    internal static readonly string[] DefaultAwayReasons = ["break", "wrap_up", "training", "meeting"];

    internal IReadOnlyList<string> EffectiveWrapUpCodes => WrapUpCodes.Count > 0 ? [.. WrapUpCodes] : DefaultWrapUpCodes;

    internal IReadOnlyList<string> EffectiveAwayReasons => AwayReasons.Count > 0 ? [.. AwayReasons] : DefaultAwayReasons;
}
