using System.Text;
using MimeKit;

namespace ConversationHub.Handoff.Mail;

/// <summary>
/// Reads a stored raw message with MimeKit, which is lenient (broken multipart, bad charsets, 8-bit headers). What it
/// still cannot read is kept: the message gets a <see cref="InboundMessage.ParseWarning"/> and a best-effort decoding of
/// the raw bytes as its text, and is routed like any other.
/// </summary>
internal static class InboundMailParser
{
    private static readonly ParserOptions Options = CreateOptions();

    public static InboundMessage Parse(Guid inboxId, byte[] raw, DateTime receivedAtUtc)
    {
        MimeMessage message;
        try
        {
            message = Load(raw);
        }
        catch (FormatException ex)
        {
            return Unparsed(inboxId, raw, receivedAtUtc, "MimeKit could not parse the message: " + ex.GetType().Name);
        }

        // MimeKit reads nearly anything (a line of garbage becomes a header); bytes without one header a message has
        // (From, To, Subject, Date, Message-ID, MIME-Version …) are not a message, whatever it made of them.
        if (!IsMessage(message))
        {
            return Unparsed(inboxId, raw, receivedAtUtc, "The message has no headers");
        }

        string? warning = null;
        string text;
        try
        {
            text = message.TextBody ?? (message.HtmlBody is { } html ? HtmlText.Convert(html) : "");
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or NotSupportedException or DecoderFallbackException)
        {
            warning = "The body could not be decoded: " + ex.GetType().Name;
            text = BestEffortText(raw);
        }

        var from = message.From.Mailboxes.FirstOrDefault();
        var recipients = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Select(m => m.Address)
            .Concat(EnvelopeRecipients(message.Headers))
            .Where(a => !string.IsNullOrWhiteSpace(a)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new InboundMessage(
            inboxId,
            Bracket(message.MessageId),
            Bracket(message.InReplyTo),
            message.References.Select(r => Bracket(r)!).ToList(),
            from?.Address,
            string.IsNullOrWhiteSpace(from?.Name) ? null : from.Name,
            recipients,
            message.Subject,
            text,
            Attachments(message).Select(a => a.Attachment).ToList(),
            warning,
            receivedAtUtc);
    }

    /// <summary>The attachments with their decoded bytes, in the order of <see cref="InboundMessage.Attachments"/>.</summary>
    public static IReadOnlyList<InboundAttachmentContent> ReadAttachments(byte[] raw)
    {
        try
        {
            var message = Load(raw);
            return IsMessage(message) ? Attachments(message) : [];
        }
        catch (FormatException)
        {
            return [];
        }
    }

    private static MimeMessage Load(byte[] raw)
    {
        using var stream = new MemoryStream(raw, writable: false);
        return MimeMessage.Load(Options, stream);
    }

    private static List<InboundAttachmentContent> Attachments(MimeMessage message)
    {
        var found = new List<InboundAttachmentContent>();
        foreach (var entity in message.Attachments)
        {
            using var content = new MemoryStream();
            string contentType;
            string? name;
            switch (entity)
            {
                case MessagePart part:
                    part.Message?.WriteTo(content);
                    contentType = "message/rfc822";
                    name = part.Message?.Subject is { Length: > 0 } subject ? subject + ".eml" : null;
                    break;
                case MimePart part:
                    part.Content?.DecodeTo(content);
                    contentType = part.ContentType.MimeType;
                    name = part.FileName;
                    break;
                default:
                    continue;
            }

            var index = found.Count;
            var fileName = string.IsNullOrWhiteSpace(name) ? $"attachment-{index + 1}" : Path.GetFileName(name.Replace('\\', '/'));
            found.Add(new InboundAttachmentContent(new InboundAttachment(index, fileName, contentType, content.Length), content.ToArray()));
        }

        return found;
    }

    // An MDA's envelope headers (Postfix's local delivery and the SMTP listener add them): where the mail was really sent.
    private static IEnumerable<string> EnvelopeRecipients(HeaderList headers) =>
        headers.Where(h => h.Field.Equals("Delivered-To", StringComparison.OrdinalIgnoreCase) || h.Field.Equals("X-Original-To", StringComparison.OrdinalIgnoreCase))
            .Select(h => MailboxAddress.TryParse(h.Value.Trim(), out var address) ? address.Address : h.Value.Trim());

    private static bool IsMessage(MimeMessage message) =>
        message.Headers.Any(h => h.Id is HeaderId.From or HeaderId.Sender or HeaderId.To or HeaderId.Cc or HeaderId.Subject or HeaderId.Date
            or HeaderId.MessageId or HeaderId.MimeVersion or HeaderId.ContentType);

    private static InboundMessage Unparsed(Guid inboxId, byte[] raw, DateTime receivedAtUtc, string warning) =>
        new(inboxId, null, null, [], null, null, [], null, BestEffortText(raw), [], warning, receivedAtUtc);

    /// <summary>Text from bytes of unknown encoding: UTF-8 if valid, ISO-2022-JP if it escapes, else Shift_JIS, else Latin-1.</summary>
    internal static string BestEffortText(byte[] raw)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(raw);
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8.
        }

        if (raw.AsSpan().IndexOf("\u001b$B"u8) >= 0)
        {
            return Encoding.GetEncoding(50220).GetString(raw);
        }

        try
        {
            return Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetString(raw);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(raw);
        }
    }

    private static string? Bracket(string? id) => string.IsNullOrWhiteSpace(id) ? null : id.StartsWith('<') ? id : "<" + id + ">";

    private static ParserOptions CreateOptions()
    {
        MailEncodings.Register();
        // Undeclared 8-bit headers are most often Shift_JIS in Japanese mail; MimeKit tries UTF-8 first and falls back to this.
        var options = ParserOptions.Default.Clone();
        options.CharsetEncoding = Encoding.GetEncoding(932);
        return options;
    }
}
