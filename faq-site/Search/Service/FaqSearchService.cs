using ConversationHub.Faq.Ranking.Reranking;
using ConversationHub.Faq.Search.Index;
using ConversationHub.Faq.Search.Suggest;

namespace ConversationHub.Faq.Search.Service;

/// <summary>
/// This node's search over the published FAQs: the BM25F index plus the facts needed to filter results by
/// audience, period and category, and the suggestion index. Readers never lock; changes swap snapshots.
/// </summary>
internal sealed class FaqSearchService(FaqSearchIndex index, FaqReranker reranker, TimeProvider time)
{
    private const int SnippetLength = 120;
    private readonly Lock _writeLock = new();
    // PERF: copied on write and never changed once published (readers take it without a lock); a plain dictionary
    // copies in a fraction of the time a frozen one takes to build, which an upsert at 10,000 FAQs paid every time.
    private volatile Dictionary<string, FaqSearchEntry> _entries = new(StringComparer.Ordinal);
    private volatile SuggestionIndex _suggestions = SuggestionIndex.Build([]);

    public int Count => _entries.Count;

    public IReadOnlyList<FaqSearchResult> Search(string query, FaqAudience audience, Guid? categoryId = null, int top = 10)
    {
        var entries = _entries;
        var now = time.GetUtcNow().UtcDateTime;
        var hits = reranker.Search(index, query, top, id =>
            entries.TryGetValue(id, out var entry)
            && entry.IsVisibleTo(audience, now)
            && (categoryId is null || entry.CategoryIds.Contains(categoryId.Value)));
        var results = new List<FaqSearchResult>(hits.Count);
        foreach (var hit in hits)
        {
            var entry = entries[hit.DocumentId];
            results.Add(new FaqSearchResult(entry.Id, entry.Question, Snippet(entry.AnswerText), hit.Score));
        }

        return results;
    }

    /// <summary>The synonyms a query brings in (normalised, reading-folded), so that the results page marks them too.</summary>
    public IReadOnlyList<string> SynonymPhrases(string query) => index.SynonymPhrases(query);

    /// <summary>The categories of an indexed FAQ (for the search page's filters), or none when it is not indexed.</summary>
    public IReadOnlyList<Guid> CategoryIdsOf(Guid faqId) =>
        _entries.TryGetValue(FaqSearchDocuments.Key(faqId), out var entry) ? entry.CategoryIds : [];

    /// <summary>Up to 8 public FAQ questions (and popular queries) matching what the citizen has typed so far.</summary>
    public IReadOnlyList<Suggestion> Suggest(string typed)
    {
        var entries = _entries;
        var now = time.GetUtcNow().UtcDateTime;
        return [.. _suggestions.Suggest(typed, SuggestionIndex.MaxSuggestions * 2)
            .Where(s => s.FaqId is null || (entries.TryGetValue(s.FaqId, out var e) && e.IsVisibleTo(FaqAudience.Public, now)))
            .Take(SuggestionIndex.MaxSuggestions)];
    }

    public void ReplaceAll(IReadOnlyList<(FaqSearchEntry Entry, SearchDocument Document)> faqs)
    {
        lock (_writeLock)
        {
            index.Rebuild([.. faqs.Select(f => f.Document)]);
            var entries = new Dictionary<string, FaqSearchEntry>(faqs.Count, StringComparer.Ordinal);
            foreach (var (entry, document) in faqs)
                entries[document.Id] = entry;
            var questionsUnchanged = SameQuestions(_entries, entries);
            _entries = entries;
            // PERF: suggestions hold only question texts and ids; a rebuild after a reconnect rarely changes any.
            if (!questionsUnchanged)
                RebuildSuggestions();
        }
    }

    public void Upsert(FaqSearchEntry entry, SearchDocument document)
    {
        lock (_writeLock)
        {
            index.Upsert(document);
            var questionUnchanged = _entries.TryGetValue(document.Id, out var previous)
                && string.Equals(previous.Question, entry.Question, StringComparison.Ordinal);
            _entries = new Dictionary<string, FaqSearchEntry>(_entries, StringComparer.Ordinal) { [document.Id] = entry };
            // PERF: suggestions hold only question texts and ids (visibility is checked per request), and rebuilding
            // them segments every question again (most of an upsert's time at 10,000 FAQs); most edits touch the answer.
            if (!questionUnchanged)
                RebuildSuggestions();
        }
    }

    public void Remove(Guid faqId)
    {
        var key = FaqSearchDocuments.Key(faqId);
        lock (_writeLock)
        {
            index.Remove(key);
            var entries = new Dictionary<string, FaqSearchEntry>(_entries, StringComparer.Ordinal);
            entries.Remove(key);
            _entries = entries;
            RebuildSuggestions();
        }
    }

    private void RebuildSuggestions() =>
        _suggestions = SuggestionIndex.Build(
            _entries.Values.Select(e => new SuggestionSource(e.Question, SuggestionKind.FaqQuestion, 0, FaqSearchDocuments.Key(e.Id))), index.Readings);

    private static bool SameQuestions(Dictionary<string, FaqSearchEntry> before, Dictionary<string, FaqSearchEntry> after) =>
        before.Count == after.Count
        && after.All(e => before.TryGetValue(e.Key, out var previous) && string.Equals(previous.Question, e.Value.Question, StringComparison.Ordinal));

    private static string Snippet(string text) => text.Length <= SnippetLength ? text : string.Concat(text.AsSpan(0, SnippetLength), "…");
}
