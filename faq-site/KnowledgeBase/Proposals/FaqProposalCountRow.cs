namespace ConversationHub.Faq.KnowledgeBase.Proposals;

/// <summary>Proposals per period (<c>yyyy-MM-dd</c> or <c>yyyy-MM</c>, Japan time) by their current status.</summary>
internal sealed record FaqProposalCountRow(string Period, int Total, int New, int Accepted, int Rejected);
