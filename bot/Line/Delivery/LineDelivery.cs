using ConversationHub.Core.Conversations.Domain;

namespace ConversationHub.Bot.Line.Delivery;

/// <summary>
/// The LINE delivery of one outbound transcript activity (the outbox). Rows that go out in one call share a
/// <see cref="RetryKey"/>, fixed before the first push, so a retry after a timeout or a 5xx is never sent twice.
/// </summary>
internal sealed class LineDelivery
{
    public LineDelivery(Guid activityId, Guid conversationId, long sequence, DateTime nowUtc)
    {
        ActivityId = activityId;
        ConversationId = conversationId;
        Sequence = sequence;
        CreatedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
        NextAttemptAtUtc = nowUtc;
    }

    private LineDelivery()
    {
    }

    public Guid ActivityId { get; private set; }

    public Guid ConversationId { get; private set; }

    public long Sequence { get; private set; }

    public DeliveryState State { get; set; } = DeliveryState.Pending;

    public int Attempts { get; set; }

    public DateTime? NextAttemptAtUtc { get; set; }

    /// <summary>The <c>X-Line-Retry-Key</c> of the push that carries it; null until the first push.</summary>
    public Guid? RetryKey { get; set; }

    /// <summary><c>reply</c> or <c>push</c> once delivered.</summary>
    public string? Method { get; set; }

    /// <summary>The last failure: the HTTP status and LINE's message (never the citizen's text).</summary>
    public string? LastError { get; set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; set; }
}
