namespace ConversationHub.Faq.KnowledgeBase.Proposals;

/// <summary>See <see cref="FaqProposalDecision"/>.</summary>
internal enum FaqProposalDecisionOutcome
{
    Done,
    Invalid,
    NotFound,
    AlreadyDecided,
}
