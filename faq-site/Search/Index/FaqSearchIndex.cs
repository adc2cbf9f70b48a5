using ConversationHub.Faq.Search.Analysis;
using ConversationHub.Faq.Search.Readings;

namespace ConversationHub.Faq.Search.Index;

/// <summary>
/// The per-node FAQ search index. Queries read an immutable snapshot without locking; changes (a full
/// rebuild, or one FAQ added, updated or removed) are serialised, build a new snapshot, and swap it in.
/// </summary>
internal sealed class FaqSearchIndex
{
    // How much a word from the circumstances around a long query's question counts (see QuestionSentences).
    private const float ContextWeight = 0.4f;

    private readonly JapaneseAnalyzer _analyzer;
    private readonly SynonymExpander _synonyms;
    private readonly Lock _writeLock = new();
    private volatile IndexSnapshot _snapshot;

    public FaqSearchIndex(JapaneseAnalyzer analyzer, Bm25FParameters parameters, ISynonymDictionary synonyms)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(synonyms);
        _analyzer = analyzer;
        _synonyms = new SynonymExpander(synonyms, analyzer);
        _snapshot = IndexSnapshotBuilder.Build([], parameters);
    }

    public int Count => _snapshot.LiveCount;

    public Bm25FParameters Parameters => _snapshot.Parameters;

    /// <summary>How this index reads kanji (empty without a system lexicon); suggestions use the same.</summary>
    public ReadingDictionary Readings => _analyzer.Readings;

    /// <summary>
    /// Replaces the whole index. Documents are analysed in parallel; a document whose text is the same as in the
    /// current index keeps its analysis (PERF: a rebuild after a reconnect re-reads every FAQ, but few changed).
    /// </summary>
    public void Rebuild(IReadOnlyList<SearchDocument> documents, Bm25FParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var current = _snapshot;
        var analyzed = new AnalyzedDocument[documents.Count];
        Parallel.For(0, documents.Count, i =>
        {
            var document = documents[i];
            analyzed[i] = current.SlotById.TryGetValue(document.Id, out var slot) && current.Documents[slot] is { } previous && previous.Analyses(document)
                ? previous
                : AnalyzedDocument.Create(document, _analyzer);
        });
        lock (_writeLock)
            _snapshot = IndexSnapshotBuilder.Build(analyzed, parameters ?? _snapshot.Parameters);
    }

    /// <summary>Adds a document, or replaces the one with the same id.</summary>
    public void Upsert(SearchDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var analyzed = AnalyzedDocument.Create(document, _analyzer);
        lock (_writeLock)
            _snapshot = IndexSnapshotEditor.Apply(_snapshot, document.Id, analyzed);
    }

    /// <summary>Removes a document; returns false when there was none with that id.</summary>
    public bool Remove(string documentId)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        lock (_writeLock)
        {
            if (!_snapshot.SlotById.ContainsKey(documentId))
                return false;
            _snapshot = IndexSnapshotEditor.Apply(_snapshot, documentId, replacement: null);
            return true;
        }
    }

    /// <summary>
    /// The best <paramref name="top"/> documents for a query, best first. <paramref name="filter"/> (by document
    /// id, e.g. visibility or category) is asked only about documents that would enter the results.
    /// </summary>
    public IReadOnlyList<SearchHit> Search(string query, int top = 10, Func<string, bool>? filter = null)
    {
        var candidates = Retrieve(query, top, filter);
        var results = new SearchHit[candidates.Count];
        for (var i = 0; i < results.Length; i++)
            results[i] = new SearchHit(candidates.DocumentId(i), candidates.Scores[i]);
        return results;
    }

    /// <summary>The synonyms that <paramref name="query"/> brings in, normalised and reading-folded.</summary>
    public IReadOnlyList<string> SynonymPhrases(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return [.. _synonyms.Phrases(SynonymExpander.FoldForMatching(query))];
    }

    /// <summary>As <see cref="Search"/>, but keeps the snapshot and analysed query for re-ranking.</summary>
    public FirstStageResult Retrieve(string query, int top, Func<string, bool>? filter = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        var snapshot = _snapshot;

        var words = new QueryTerms();
        var grams = new QueryTerms();
        var readings = new QueryTerms();
        if (QuestionSentences.Split(query) is { } sentences)
        {
            // A word both in an asking sentence and in the context keeps the full weight (QueryTerms keeps the larger).
            foreach (var (sentence, asks) in sentences)
                AddAnalyzed(sentence, words, grams, readings, asks ? 1f : ContextWeight);
        }
        else
        {
            AddAnalyzed(query, words, grams, readings, 1f);
        }

        var folded = SynonymExpander.FoldForMatching(query);
        _synonyms.Expand(folded, words, grams, snapshot.Parameters.SynonymWeight);
        var analyzed = new AnalyzedQuery(folded, words, grams, readings);

        var hits = new TopHits(top);
        Bm25FScorer.Search(snapshot, analyzed, filter, hits);
        var slots = new int[hits.Count];
        var scores = new float[hits.Count];
        for (var i = 0; i < slots.Length; i++)
        {
            slots[i] = hits.SlotAt(i);
            scores[i] = hits.ScoreAt(i);
        }

        return new FirstStageResult(snapshot, analyzed, slots, scores);
    }

    private void AddAnalyzed(string text, QueryTerms words, QueryTerms grams, QueryTerms readings, float weight)
    {
        var wordList = new List<string>();
        var gramList = new List<string>();
        var readingList = new List<string>();
        _analyzer.Analyze(text, wordList, gramList, readingList);
        words.AddRange(wordList, weight);
        grams.AddRange(gramList, weight);
        readings.AddRange(readingList, weight * KanaShare.Of(text));
    }
}
