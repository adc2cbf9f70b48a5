namespace ConversationHub.Handoff.Mail;

/// <summary>
/// A message to a citizen in the outbox: enqueued in the caller's unit of work (so an approval and its mail commit
/// together), then sent by one node, retried with backoff, and kept as the sent message of its case. The address, the
/// subject and the body are personal data, encrypted at rest; <see cref="LastError"/> never holds any.
/// </summary>
public sealed class OutboundMail
{
    // For EF Core.
    private OutboundMail()
    {
        MessageId = "";
        To = "";
        Subject = "";
        BodyText = "";
        References = "";
    }

    internal OutboundMail(MailDraft draft, string messageId, DateTime nowUtc)
    {
        Id = Guid.CreateVersion7();
        CaseId = draft.CaseId;
        MessageId = messageId;
        To = draft.To;
        Subject = draft.Subject;
        BodyText = draft.BodyText;
        ReplyTo = draft.ReplyTo;
        InReplyTo = draft.InReplyTo;
        References = string.Join(' ', draft.References);
        State = OutboundMailState.Pending;
        NextAttemptAtUtc = nowUtc;
        CreatedAtUtc = nowUtc;
    }

    /// <summary>Surrogate key (time-ordered).</summary>
    public Guid Id { get; private set; }

    /// <summary>The case it belongs to, if any.</summary>
    public Guid? CaseId { get; private set; }

    /// <summary>The Message-ID, <c>&lt;local@domain&gt;</c>; unique, and the same on every resend.</summary>
    public string MessageId { get; private set; }

    /// <summary>The citizen's address (encrypted at rest).</summary>
    public string To { get; private set; }

    /// <summary>The subject (encrypted at rest).</summary>
    public string Subject { get; private set; }

    /// <summary>The plain-text body (encrypted at rest).</summary>
    public string BodyText { get; private set; }

    /// <summary>The Reply-To address (the case's address), if any.</summary>
    public string? ReplyTo { get; private set; }

    /// <summary>The Message-ID this answers, if any.</summary>
    public string? InReplyTo { get; private set; }

    /// <summary>The thread's Message-IDs, separated by spaces (empty: none).</summary>
    public string References { get; private set; }

    /// <summary>The thread's Message-IDs as a list.</summary>
    public IReadOnlyList<string> ReferenceList => References.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Where it stands.</summary>
    public OutboundMailState State { get; private set; }

    /// <summary>Attempts made so far (an attempt interrupted by a node's death counts).</summary>
    public int Attempts { get; private set; }

    /// <summary>When it may be tried next (UTC), while <see cref="OutboundMailState.Pending"/>.</summary>
    public DateTime? NextAttemptAtUtc { get; private set; }

    /// <summary>The node sending it, while <see cref="OutboundMailState.Sending"/>.</summary>
    public string? LeaseHolder { get; private set; }

    /// <summary>Until when that node holds it (UTC); after that another node may take it.</summary>
    public DateTime? LeaseUntilUtc { get; private set; }

    /// <summary>Why the last attempt failed: the SMTP reply or the kind of error, never an address or text of the message.</summary>
    public string? LastError { get; private set; }

    /// <summary>When the server accepted it (UTC).</summary>
    public DateTime? SentAtUtc { get; private set; }

    /// <summary>When it was enqueued (UTC); also its <c>Date</c> header, so every resend is the same message.</summary>
    public DateTime CreatedAtUtc { get; private set; }
}
