using MimeKit;

namespace ConversationHub.Handoff.Mail;

/// <summary>Hands one message on: to the SMTP server, or to the pickup folder.</summary>
internal interface IMailDelivery
{
    /// <summary>Returns when the message is accepted; throws <see cref="MailDeliveryException"/> or an I/O error otherwise.</summary>
    Task DeliverAsync(OutboundMail mail, MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>A delivery refused or failed, with a reason that holds no personal data.</summary>
internal sealed class MailDeliveryException(string reason, bool permanent, Exception? inner = null) : Exception(reason, inner)
{
    /// <summary>The server refused for good (5xx): further attempts would fail the same way.</summary>
    public bool Permanent { get; } = permanent;
}
