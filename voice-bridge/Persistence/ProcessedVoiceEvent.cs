namespace ConversationHub.VoiceBridge.Persistence;

/// <summary>An Event Grid or callback event already taken in: its id, so a redelivery (on any node) is dropped.</summary>
internal sealed class ProcessedVoiceEvent
{
    /// <summary><c>eventgrid</c> or <c>callback</c>: the two id spaces.</summary>
    public required string Source { get; init; }

    public required string EventId { get; init; }

    public string Type { get; init; } = string.Empty;

    public DateTime ReceivedAtUtc { get; init; }
}
