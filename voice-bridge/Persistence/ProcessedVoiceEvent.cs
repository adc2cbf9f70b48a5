namespace ConversationHub.VoiceBridge.Persistence;

/// <summary>
/// An Event Grid or callback event taken in: its id, so a redelivery (on any node) is dropped, and the event itself
/// (encrypted: an incoming call names the caller) until it has been handled, so an event acknowledged by a node that
/// stopped before handling it is picked up by another node.
/// </summary>
internal sealed class ProcessedVoiceEvent
{
    /// <summary><c>eventgrid</c> or <c>callback</c>: the two id spaces.</summary>
    public required string Source { get; init; }

    public required string EventId { get; init; }

    public string Type { get; init; } = string.Empty;

    public DateTime ReceivedAtUtc { get; init; }

    /// <summary>The event as JSON, encrypted; cleared once handled.</summary>
    public string? Payload { get; set; }

    /// <summary>When a handler finished with it; null while it waits or runs.</summary>
    public DateTime? HandledAtUtc { get; set; }

    /// <summary>Until when the node handling it holds it; after that, another node may take it over.</summary>
    public DateTime? ClaimedUntilUtc { get; set; }
}
