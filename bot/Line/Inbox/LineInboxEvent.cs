namespace ConversationHub.Bot.Line.Inbox;

/// <summary>
/// One webhook event as received, kept until processed: the durable inbox. <see cref="WebhookEventId"/> is unique,
/// so a duplicate or a redelivery is stored, and processed, once.
/// </summary>
internal sealed class LineInboxEvent
{
    public LineInboxEvent(string webhookEventId, string eventType, string? userId, string userHash, string eventJson, DateTime occurredAtUtc, DateTime receivedAtUtc)
    {
        WebhookEventId = webhookEventId;
        EventType = eventType;
        UserId = userId;
        UserHash = userHash;
        EventJson = eventJson;
        OccurredAtUtc = occurredAtUtc;
        ReceivedAtUtc = receivedAtUtc;
    }

    /// <summary>Arrival order; events of one citizen are processed in this order.</summary>
    public long Id { get; private set; }

    public string WebhookEventId { get; private set; }

    /// <summary>LINE's event type (<c>message</c>, <c>follow</c> …), kept for routing without decrypting.</summary>
    public string EventType { get; private set; }

    /// <summary>The citizen's LINE user id (personal data, encrypted); null for sources without one.</summary>
    public string? UserId { get; private set; }

    /// <summary>Blind index of <see cref="UserId"/> (empty when none): the per-citizen ordering key.</summary>
    public string UserHash { get; private set; }

    /// <summary>The event JSON as LINE sent it (it may hold the citizen's text: encrypted).</summary>
    public string EventJson { get; private set; }

    /// <summary>LINE's <c>timestamp</c>.</summary>
    public DateTime OccurredAtUtc { get; private set; }

    /// <summary>When our webhook received it: the reply token's clock starts here.</summary>
    public DateTime ReceivedAtUtc { get; private set; }

    public LineInboxState State { get; set; } = LineInboxState.Pending;

    public int Attempts { get; set; }

    public DateTime? ProcessedAtUtc { get; set; }

    /// <summary>Set once the reply token was spent (it is single use).</summary>
    public DateTime? ReplyTokenUsedAtUtc { get; set; }
}
