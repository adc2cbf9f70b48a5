namespace ConversationHub.Faq.KnowledgeBase.Proposals;

/// <summary>See <see cref="FaqProposalQueue.CountAsync"/>.</summary>
internal sealed record FaqProposalCounts(IReadOnlyList<FaqProposalCountRow> Days, IReadOnlyList<FaqProposalCountRow> Months);
