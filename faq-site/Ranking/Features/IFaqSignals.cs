namespace ConversationHub.Faq.Ranking.Features;

/// <summary>
/// Platform signals for re-ranking (category prior, popularity, feedback, confirmed answers). Implementations
/// return <see cref="FaqSignalValues.Neutral"/> for what they do not know; they are asked once per candidate
/// per query, so they answer from memory.
/// </summary>
internal interface IFaqSignals
{
    /// <param name="foldedQuery">The query as <see cref="Search.Index.AnalyzedQuery.FoldedText"/>.</param>
    /// <param name="documentId">The FAQ's search document id.</param>
    FaqSignalValues Get(string foldedQuery, string documentId);

    /// <summary>
    /// The FAQs confirmed for the past queries worded most like this one, nearest first, at most
    /// <paramref name="max"/>: answers the first stage may have missed because the citizen's words are not the FAQ's.
    /// Empty when nothing is known.
    /// </summary>
    IReadOnlyList<string> NearestConfirmedFaqs(string foldedQuery, int max);
}
