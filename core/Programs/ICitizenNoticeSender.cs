namespace ConversationHub.Core.Programs;

/// <summary>
/// Sends a short text notice to a citizen on one channel (a LINE push, an SMS), for modules that must not reference
/// the module that owns the channel: the bot registers the LINE sender, the voice bridge the SMS one. A channel with
/// no registered sender cannot be chosen for notices.
/// </summary>
public interface ICitizenNoticeSender
{
    /// <summary>The channel this sender serves.</summary>
    ReservationContactChannel Channel { get; }

    /// <summary>Whether the channel is configured on this deployment.</summary>
    bool IsAvailable { get; }

    /// <summary>
    /// Sends <paramref name="text"/> to <paramref name="address"/> (a LINE user id or an E.164 number; personal data,
    /// never logged). <paramref name="noticeId"/> makes a retried send go out once where the channel supports it.
    /// </summary>
    /// <returns>Whether the channel accepted the notice.</returns>
    Task<bool> SendAsync(string address, string text, Guid noticeId, CancellationToken cancellationToken);
}
