namespace ConversationHub.Core.Conversations.Domain;

/// <summary>
/// Delivery of an outbound activity on a push channel (LINE, SMS, e-mail). Pull channels (Direct Line) read the
/// transcript and record <see cref="NotRequired"/>. Stored as its name.
/// </summary>
public enum DeliveryState
{
    /// <summary>The channel reads the transcript itself.</summary>
    NotRequired,

    /// <summary>Written, not yet confirmed sent; the channel's sender retries it, also after a crash.</summary>
    Pending,

    /// <summary>The channel accepted it.</summary>
    Delivered,

    /// <summary>Given up after retries; kept and shown to staff.</summary>
    Failed,
}
