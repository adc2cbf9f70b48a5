namespace ConversationHub.Faq.KnowledgeBase.Proposals;

/// <summary>
/// A staff member's proposal (FAQ 提案) for a new FAQ, or for a change to the FAQ named by <see cref="FaqId"/>,
/// with the citizen question that prompted it. Editors accept it into a draft or reject it with a reason.
/// </summary>
public sealed class FaqProposal
{
    public FaqProposal(FaqProposalSource source, string proposedQuestion, Guid proposedByUserId, DateTime createdAtUtc)
    {
        Source = source;
        ProposedQuestion = proposedQuestion;
        ProposedByUserId = proposedByUserId;
        CreatedAtUtc = createdAtUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>The FAQ to change; null proposes a new FAQ.</summary>
    public Guid? FaqId { get; set; }

    public string ProposedQuestion { get; private set; }

    /// <summary>The proposed answer (Markdown); staff may leave it to the editor.</summary>
    public string? ProposedAnswer { get; set; }

    /// <summary>The citizen's own words that prompted the proposal: personal data, encrypted at rest.</summary>
    public string? CitizenQuestion { get; set; }

    public FaqProposalSource Source { get; private set; }

    /// <summary>The chat conversation it came from (core's conversation id), when <see cref="Source"/> is chat.</summary>
    public Guid? ConversationId { get; set; }

    /// <summary>The case it came from (handoff's case id; the FAQ module does not own cases, so there is no foreign key).</summary>
    public Guid? CaseId { get; set; }

    public Guid ProposedByUserId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public FaqProposalStatus Status { get; private set; } = FaqProposalStatus.New;

    public Guid? DecidedByUserId { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    /// <summary>The editor's reason (却下理由); set only when rejected.</summary>
    public string? RejectReason { get; private set; }

    /// <summary>The FAQ the accepted proposal became (new draft) or changed.</summary>
    public Guid? ResultFaqId { get; private set; }

    /// <summary>The revision of <see cref="ResultFaqId"/> the acceptance wrote.</summary>
    public int? ResultRevision { get; private set; }

    /// <summary>新規 → 採用.</summary>
    public void Accept(Guid faqId, int revision, Guid? editorId, DateTime nowUtc)
    {
        EnsureNew(FaqProposalStatus.Accepted);
        (Status, ResultFaqId, ResultRevision, DecidedByUserId, DecidedAtUtc) = (FaqProposalStatus.Accepted, faqId, revision, editorId, nowUtc);
    }

    /// <summary>新規 → 却下, with the reason the proposer will read.</summary>
    public void Reject(string reason, Guid? editorId, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        EnsureNew(FaqProposalStatus.Rejected);
        (Status, RejectReason, DecidedByUserId, DecidedAtUtc) = (FaqProposalStatus.Rejected, reason.Trim(), editorId, nowUtc);
    }

    private void EnsureNew(FaqProposalStatus to)
    {
        if (Status != FaqProposalStatus.New)
        {
            throw new FaqProposalStateException(Status, to);
        }
    }
}
