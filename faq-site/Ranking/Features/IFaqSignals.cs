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
}
