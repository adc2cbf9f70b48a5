namespace ConversationHub.Faq.KnowledgeBase.Proposals;

/// <summary>What a staff member submits as a proposal (the body of <c>POST /api/faq/proposals</c>).</summary>
/// <param name="FaqId">The FAQ to change; null proposes a new FAQ.</param>
/// <param name="Source"><c>chat</c>, <c>case</c>, <c>faqpage</c> or <c>console</c>.</param>
/// <param name="CitizenQuestion">The citizen's own words that prompted the proposal (encrypted at rest).</param>
public sealed record FaqProposalInput(
    Guid? FaqId,
    string? Question,
    string? Answer,
    string? CitizenQuestion,
    string? Source,
    Guid? ConversationId,
    Guid? CaseId);
