using ConversationHub.Faq.Search.Analysis;
using ConversationHub.Faq.Search.Index;

namespace ConversationHub.Faq.Evaluation;

/// <summary>Our first-stage search (analysis + BM25F), with an empty synonym dictionary.</summary>
internal sealed class HubRetrievalEngine(Bm25FParameters parameters, AnalyzerOptions analyzerOptions) : IRetrievalEngine
{
    private readonly FaqSearchIndex _index = new(new JapaneseAnalyzer(analyzerOptions), parameters, new InMemorySynonymDictionary());

    public HubRetrievalEngine()
        : this(Bm25FParameters.Default, AnalyzerOptions.Default)
    {
    }

    public string Name => "hub";

    public void Build(IReadOnlyList<SearchDocument> documents) => _index.Rebuild(documents);

    public IReadOnlyList<string> Search(string query, int top)
    {
        var hits = _index.Search(query, top);
        var ids = new string[hits.Count];
        for (var i = 0; i < ids.Length; i++)
            ids[i] = hits[i].DocumentId;
        return ids;
    }

    public void Dispose()
    {
    }
}
