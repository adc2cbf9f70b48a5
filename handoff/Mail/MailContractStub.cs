// TEMPORARY: the contract the mail-transport branch implements; replaced by its real files on merge.
using ConversationHub.Handoff.Persistence;

namespace ConversationHub.Handoff.Mail;

public sealed record MailDraft(string To, string Subject, string BodyText, string? ReplyTo, string MessageIdLocalPart, string? InReplyTo, IReadOnlyList<string> References, Guid? CaseId);

public sealed class OutboundMail
{
    public Guid Id { get; } = Guid.CreateVersion7();

    public string MessageId { get; init; } = "";
}

public sealed class MailOutbox
{
    #pragma warning disable CA1822
    public OutboundMail Enqueue(HandoffDbContext db, MailDraft draft) => new() { MessageId = $"<{draft.MessageIdLocalPart}@stub>" };
}

public interface IInboundMailRouter
{
    Task<Guid?> RouteAsync(InboundMessage message, CancellationToken ct);
}

public sealed record InboundMessage(Guid InboxId, string? MessageId, string? InReplyTo, IReadOnlyList<string> References, string? FromAddress, string? FromName, IReadOnlyList<string> ToAddresses, string? Subject, string TextBody, IReadOnlyList<InboundAttachment> Attachments, string? ParseWarning, DateTime ReceivedAtUtc);

public sealed record InboundAttachment(int Index, string FileName, string ContentType, long Length);
