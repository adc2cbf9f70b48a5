namespace ConversationHub.Handoff.Mail;

/// <summary>A received message, parsed, as the case router sees it.</summary>
/// <param name="InboxId">The stored message (<see cref="InboundMail.Id"/>); routing is keyed on it, and the router may see the same id again after a crash.</param>
/// <param name="MessageId">The Message-ID, <c>&lt;…@…&gt;</c>, if any.</param>
/// <param name="InReplyTo">The In-Reply-To Message-ID, <c>&lt;…@…&gt;</c>, if any.</param>
/// <param name="References">The References Message-IDs (<c>&lt;…@…&gt;</c>), oldest first.</param>
/// <param name="FromAddress">The sender's address, if it could be read.</param>
/// <param name="FromName">The sender's display name, if any.</param>
/// <param name="ToAddresses">Every recipient address: To, Cc, and the envelope's (Delivered-To, X-Original-To), without duplicates.</param>
/// <param name="Subject">The subject, decoded.</param>
/// <param name="TextBody">The text/plain body, else the text of the HTML body, decoded whatever the charset; or a best-effort decoding of the raw message when <paramref name="ParseWarning"/> is set.</param>
/// <param name="Attachments">The attachments, in order; open one with <see cref="MailInbox.OpenAttachmentAsync"/>.</param>
/// <param name="ParseWarning">Set when MimeKit could not fully parse the message.</param>
/// <param name="ReceivedAtUtc">When it was stored (UTC).</param>
public sealed record InboundMessage(
    Guid InboxId,
    string? MessageId,
    string? InReplyTo,
    IReadOnlyList<string> References,
    string? FromAddress,
    string? FromName,
    IReadOnlyList<string> ToAddresses,
    string? Subject,
    string TextBody,
    IReadOnlyList<InboundAttachment> Attachments,
    string? ParseWarning,
    DateTime ReceivedAtUtc);

/// <summary>An attachment of a received message.</summary>
/// <param name="Index">Its position among the message's attachments (from 0), for <see cref="MailInbox.OpenAttachmentAsync"/>.</param>
/// <param name="FileName">Its file name (decoded), or a made-up one when it has none.</param>
/// <param name="ContentType">Its MIME type, such as <c>application/pdf</c>.</param>
/// <param name="Length">Its decoded size in bytes.</param>
public sealed record InboundAttachment(int Index, string FileName, string ContentType, long Length);

/// <summary>An attachment and its decoded bytes.</summary>
/// <param name="Attachment">What it is.</param>
/// <param name="Content">Its bytes.</param>
public sealed record InboundAttachmentContent(InboundAttachment Attachment, byte[] Content);
