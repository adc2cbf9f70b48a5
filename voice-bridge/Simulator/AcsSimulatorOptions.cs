namespace ConversationHub.VoiceBridge.Simulator;

/// <summary>
/// Settings of the stand-in ACS (section <c>Voice:Simulator</c>), used when <c>Voice:Provider</c> is <c>Simulator</c>
/// (the default).
/// </summary>
public sealed class AcsSimulatorOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Voice:Simulator";

    /// <summary>
    /// The access key (Base64) that requests must be signed with. When empty, a random key is made per process
    /// (the stand-in keeps no state across restarts either); our own client reads it from <see cref="AcsSimulatorKeys"/>.
    /// </summary>
    public string? AccessKey { get; set; }

    /// <summary>
    /// This host's own base URL, where our ACS client finds the stand-in and the stand-in posts callbacks; when empty, the
    /// first address the server listens on (wildcards reached on loopback).
    /// </summary>
    public Uri? SelfBaseUrl { get; set; }

    /// <summary>The city's numbers (E.164) that the stand-in rings; a call to another number is refused.</summary>
    public IList<string> CityNumbers { get; } = ["+81501234567"];

    /// <summary>
    /// Where the stand-in posts Event Grid <c>IncomingCall</c> events; a relative URL is resolved against this host's
    /// own address.
    /// </summary>
    public string EventGridUrl { get; set; } = "/api/voice/events";

    /// <summary>The Call Automation <c>api-version</c> values accepted.</summary>
    public IList<string> CallAutomationApiVersions { get; } = ["2025-06-15", "2025-05-15", "2024-09-15", "2026-03-12"];

    /// <summary>The issuer of the callbacks' JWTs (also served in the OIDC metadata).</summary>
    public string TokenIssuer { get; set; } = "https://acs-simulator.conversationhub.invalid";

    /// <summary>The audience of the callbacks' JWTs: ACS uses the resource's immutable id.</summary>
    public string ResourceId { get; set; } = "5f0c6a1e-0000-4000-8000-00000000ac55";

    /// <summary>Deliveries (callbacks, Event Grid) are tried this many times on failure, with doubling waits.</summary>
    public int DeliveryAttempts { get; set; } = 5;

    /// <summary>The first wait between attempts of one delivery.</summary>
    public TimeSpan DeliveryFirstRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Tests: deliver each event twice, as Event Grid and ACS may.</summary>
    public bool DuplicateDeliveries { get; set; }

    /// <summary>Tests: deliver the events of one operation in reverse order (events for one call can interleave).</summary>
    public bool ReorderDeliveries { get; set; }

    /// <summary>How long an outbound call rings before the callee counts as not answering (CreateCallFailed 408).</summary>
    public TimeSpan OutboundRingTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest a driver's long poll for new prompts waits.</summary>
    public TimeSpan MaxPollWait { get; set; } = TimeSpan.FromSeconds(25);
}
