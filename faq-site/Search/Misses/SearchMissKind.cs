namespace ConversationHub.Faq.Search.Misses;

/// <summary>Why a search was logged as a miss. Stored in lower case (<c>zerohit</c>, <c>lowconfidence</c>).</summary>
public enum SearchMissKind
{
    /// <summary>No FAQ matched at all.</summary>
    ZeroHit,

    /// <summary>Something matched, but the best score was below <c>FaqSearch:LowConfidenceScore</c>.</summary>
    LowConfidence,
}
