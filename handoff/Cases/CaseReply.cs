namespace ConversationHub.Handoff.Cases;

/// <summary>Where a reply to the citizen stands. Stored as its name.</summary>
public enum CaseReplyState
{
    /// <summary>承認待ち: written and submitted; waits for an approver.</summary>
    Submitted,

    /// <summary>承認済み: approved and handed to the outbox.</summary>
    Approved,

    /// <summary>差し戻し: an approver sent it back.</summary>
    Rejected,

    /// <summary>取り下げ: its author withdrew it.</summary>
    Withdrawn,
}

/// <summary>
/// A reply to the citizen written on a case. It leaves only after an approver (of the sending department, or of the
/// center) approves it, and never on its author's own approval. Recipient, subject and body are personal data.
/// </summary>
public sealed class CaseReply
{
    // For EF Core.
    private CaseReply()
    {
        To = "";
        Subject = "";
        Body = "";
    }

    internal CaseReply(Guid caseId, Guid authorId, Guid? departmentId, string to, string subject, string body, DateTime nowUtc)
    {
        Id = Guid.CreateVersion7();
        CaseId = caseId;
        AuthorId = authorId;
        DepartmentId = departmentId;
        To = to;
        Subject = subject;
        Body = body;
        State = CaseReplyState.Submitted;
        SubmittedAtUtc = nowUtc;
    }

    /// <summary>Surrogate key.</summary>
    public Guid Id { get; private set; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; private set; }

    /// <summary>Who wrote it.</summary>
    public Guid AuthorId { get; private set; }

    /// <summary>The sending department (its approvers may approve), null for the contact center.</summary>
    public Guid? DepartmentId { get; private set; }

    /// <summary>The citizen's address.</summary>
    public string To { get; private set; }

    /// <summary>The subject.</summary>
    public string Subject { get; private set; }

    /// <summary>The body.</summary>
    public string Body { get; private set; }

    /// <summary>Where it stands.</summary>
    public CaseReplyState State { get; set; }

    /// <summary>When it was submitted (UTC).</summary>
    public DateTime SubmittedAtUtc { get; private set; }

    /// <summary>The approver, or the one who sent it back.</summary>
    public Guid? DecidedById { get; set; }

    /// <summary>When it was approved or sent back (UTC).</summary>
    public DateTime? DecidedAtUtc { get; set; }

    /// <summary>Why it was sent back (personal data: it may quote the reply).</summary>
    public string? RejectionReason { get; set; }

    /// <summary>The outbox row once approved.</summary>
    public Guid? OutboxId { get; set; }
}
