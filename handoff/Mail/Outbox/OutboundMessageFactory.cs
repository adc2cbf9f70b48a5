using MimeKit;

namespace ConversationHub.Handoff.Mail;

/// <summary>
/// Makes the MIME message of an outbox row. Everything comes from the row (the Date is its creation time), so a resend
/// after an ambiguous failure is the same message with the same Message-ID. MimeKit's defaults encode Japanese well:
/// UTF-8, with base64 or quoted-printable as shorter, and RFC 2047 encoded words in headers.
/// </summary>
internal static class OutboundMessageFactory
{
    public static MimeMessage Create(OutboundMail mail, MailOutboundOptions options)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.EffectiveFrom));
        message.To.Add(MailboxAddress.Parse(mail.To));
        if (!string.IsNullOrWhiteSpace(mail.ReplyTo))
        {
            message.ReplyTo.Add(MailboxAddress.Parse(mail.ReplyTo));
        }

        message.Subject = mail.Subject;
        message.Date = new DateTimeOffset(DateTime.SpecifyKind(mail.CreatedAtUtc, DateTimeKind.Utc));
        message.MessageId = Unbracket(mail.MessageId);
        if (!string.IsNullOrWhiteSpace(mail.InReplyTo))
        {
            message.InReplyTo = Unbracket(mail.InReplyTo);
        }

        foreach (var reference in mail.ReferenceList)
        {
            message.References.Add(Unbracket(reference));
        }

        message.Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = mail.BodyText };
        return message;
    }

    private static string Unbracket(string id) => id.Trim().TrimStart('<').TrimEnd('>');
}
