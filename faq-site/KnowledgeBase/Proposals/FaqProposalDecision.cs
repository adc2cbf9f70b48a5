namespace ConversationHub.Faq.KnowledgeBase.Proposals;

/// <summary>The outcome of accepting or rejecting a proposal.</summary>
internal sealed record FaqProposalDecision(FaqProposalDecisionOutcome Outcome, Guid FaqId, int Revision, IReadOnlyDictionary<string, string[]> Errors)
{
    public static FaqProposalDecision Done(Guid faqId = default, int revision = 0) => new(FaqProposalDecisionOutcome.Done, faqId, revision, new Dictionary<string, string[]>());

    public static FaqProposalDecision Invalid(IReadOnlyDictionary<string, string[]> errors) => new(FaqProposalDecisionOutcome.Invalid, Guid.Empty, 0, errors);

    public static readonly FaqProposalDecision NotFound = new(FaqProposalDecisionOutcome.NotFound, Guid.Empty, 0, new Dictionary<string, string[]>());

    public static readonly FaqProposalDecision AlreadyDecided = new(FaqProposalDecisionOutcome.AlreadyDecided, Guid.Empty, 0, new Dictionary<string, string[]>());
}
