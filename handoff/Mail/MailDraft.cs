namespace ConversationHub.Handoff.Mail;

/// <summary>A reply to a citizen, ready to go out once enqueued with <see cref="MailOutbox.Enqueue"/>.</summary>
/// <param name="To">The citizen's address (personal data: encrypted at rest, never logged).</param>
/// <param name="Subject">The subject, any language (MimeKit encodes it).</param>
/// <param name="BodyText">The plain-text body.</param>
/// <param name="ReplyTo">The address citizens' answers should go to (the case's address with its token), or null for <c>From</c>.</param>
/// <param name="MessageIdLocalPart">
/// The part of the Message-ID before <c>@</c>, chosen by the caller and unique (for example <c>case.C-2026-000123.&lt;guid&gt;</c>);
/// the configured domain is added. It is fixed for the message: every resend carries the same Message-ID.
/// </param>
/// <param name="InReplyTo">The Message-ID (<c>&lt;…@…&gt;</c>) this answers, if any.</param>
/// <param name="References">The thread's Message-IDs, oldest first (each <c>&lt;…@…&gt;</c>).</param>
/// <param name="CaseId">The case the message belongs to, if any.</param>
public sealed record MailDraft(
    string To,
    string Subject,
    string BodyText,
    string? ReplyTo,
    string MessageIdLocalPart,
    string? InReplyTo,
    IReadOnlyList<string> References,
    Guid? CaseId);
