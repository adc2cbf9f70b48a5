namespace ConversationHub.Bot.Line.Delivery;

/// <summary>
/// What LINE itself needs to know about delivering one outbound transcript activity. Whether it is still to send,
/// how many attempts were made and when the next one is due live in the transcript
/// (<see cref="Core.Conversations.Domain.TranscriptActivity.Delivery"/>), the one record the sender, staff and the
/// restart sweep read; this row only adds the LINE side. Activities pushed in one call share a <see cref="RetryKey"/>,
/// fixed before the first push, so a retry after a timeout or a 5xx is never shown twice.
/// </summary>
internal sealed class LineDelivery
{
    public LineDelivery(Guid activityId, DateTime nowUtc)
    {
        ActivityId = activityId;
        UpdatedAtUtc = nowUtc;
    }

    private LineDelivery()
    {
    }

    /// <summary>The transcript activity delivered.</summary>
    public Guid ActivityId { get; private set; }

    /// <summary>The <c>X-Line-Retry-Key</c> of the push that carries it; null until the first push.</summary>
    public Guid? RetryKey { get; set; }

    /// <summary><c>reply</c> or <c>push</c> once LINE accepted it.</summary>
    public string? Method { get; set; }

    /// <summary>LINE's last refusal: the method, HTTP status and LINE's message (never the citizen's text).</summary>
    public string? LastError { get; set; }

    /// <summary>When LINE last answered for it (UTC).</summary>
    public DateTime UpdatedAtUtc { get; set; }
}
