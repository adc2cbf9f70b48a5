namespace ConversationHub.Faq.KnowledgeBase.Proposals;

/// <summary>An illegal move of a proposal, for example deciding one that another editor already decided.</summary>
public sealed class FaqProposalStateException(FaqProposalStatus from, FaqProposalStatus to)
    : InvalidOperationException($"An FAQ proposal cannot move from {from} to {to}.")
{
    public FaqProposalStatus From { get; } = from;

    public FaqProposalStatus To { get; } = to;
}
