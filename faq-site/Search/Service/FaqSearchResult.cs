namespace ConversationHub.Faq.Search.Service;

/// <summary>One search result: the FAQ, its question, a plain-text snippet of the answer, and the score.</summary>
/// <param name="Score">BM25F score; comparable within one query only.</param>
public sealed record FaqSearchResult(Guid FaqId, string Question, string Snippet, float Score);
