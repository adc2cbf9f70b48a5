namespace ConversationHub.Faq.Search.Index;

/// <summary>One result: the FAQ id and its BM25F score (comparable within one query only).</summary>
internal readonly record struct SearchHit(string DocumentId, float Score);
