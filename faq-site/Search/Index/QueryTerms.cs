namespace ConversationHub.Faq.Search.Index;

/// <summary>The distinct terms of one query in one term space, each with its weight (1 typed, less from synonyms).</summary>
internal sealed class QueryTerms
{
    private readonly Dictionary<string, int> _indexByTerm = new(StringComparer.Ordinal);

    public List<string> Terms { get; } = [];

    public List<float> Weights { get; } = [];

    /// <summary>Adds a term, keeping the larger weight when it is already there.</summary>
    public void Add(string term, float weight)
    {
        if (_indexByTerm.TryGetValue(term, out var index))
        {
            Weights[index] = Math.Max(Weights[index], weight);
            return;
        }

        _indexByTerm.Add(term, Terms.Count);
        Terms.Add(term);
        Weights.Add(weight);
    }

    public void AddRange(List<string> terms, float weight)
    {
        foreach (var term in terms)
            Add(term, weight);
    }
}
