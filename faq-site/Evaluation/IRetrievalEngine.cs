using ConversationHub.Faq.Search.Index;

namespace ConversationHub.Faq.Evaluation;

/// <summary>A search engine under evaluation: built once over the corpus, then asked each query.</summary>
internal interface IRetrievalEngine : IDisposable
{
    /// <summary>The engine's key in reports (<c>hub</c>, <c>sqlite-fts5</c>).</summary>
    string Name { get; }

    void Build(IReadOnlyList<SearchDocument> documents);

    /// <summary>Ids of the best <paramref name="top"/> documents, best first.</summary>
    IReadOnlyList<string> Search(string query, int top);
}
