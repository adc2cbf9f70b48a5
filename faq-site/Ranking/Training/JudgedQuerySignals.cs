using ConversationHub.Faq.Ranking.Features;

namespace ConversationHub.Faq.Ranking.Training;

/// <summary>
/// Stand-in, for a judged dataset, of the platform's confirmed answers: each judged (query, FAQ) pair of the
/// training queries counts as an answer an editor or agent confirmed. Leave-one-out: a query never sees its own
/// judgements (a pair with the asking query's exact text counts once less), so the training rows see the same
/// distribution as a new query does, and nothing of a held-out query's judgements reaches its features.
/// Not thread-safe (it keeps the last query's bigrams): training and evaluation ask one query at a time.
/// </summary>
internal sealed class JudgedQuerySignals : IFaqSignals
{
    private readonly Dictionary<string, int> _queriesByFaq = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Query, string Faq), int> _pairs = [];
    private readonly Dictionary<string, List<(string Text, HashSet<int> Bigrams)>> _confirmedTexts = new(StringComparer.Ordinal);

    // PERF: the asking query's bigrams, kept for the candidates that follow it (one query at a time).
    private string? _lastQuery;
    private HashSet<int> _lastBigrams = [];

    public JudgedQuerySignals(IEnumerable<CandidateQuery> judgedQueries)
        : this(judgedQueries.Select(q => (q.FoldedText, q.Judgements)))
    {
    }

    /// <param name="judgedQueries">Each query's folded text (<see cref="Search.Index.AnalyzedQuery.FoldedText"/>) and judgements.</param>
    public JudgedQuerySignals(IEnumerable<(string FoldedText, IReadOnlyDictionary<string, int> Judgements)> judgedQueries)
    {
        ArgumentNullException.ThrowIfNull(judgedQueries);
        foreach (var query in judgedQueries)
        {
            foreach (var (faq, grade) in query.Judgements)
            {
                if (grade < 1)
                    continue;
                _queriesByFaq[faq] = _queriesByFaq.GetValueOrDefault(faq) + 1;
                _pairs[(query.FoldedText, faq)] = _pairs.GetValueOrDefault((query.FoldedText, faq)) + 1;
                if (!_confirmedTexts.TryGetValue(faq, out var texts))
                    _confirmedTexts.Add(faq, texts = []);
                texts.Add((query.FoldedText, BigramSimilarity.Bigrams(query.FoldedText)));
            }
        }
    }

    public FaqSignalValues Get(string foldedQuery, string documentId)
    {
        var pair = _pairs.GetValueOrDefault((foldedQuery, documentId));
        var self = pair > 0 ? 1 : 0;
        var others = _queriesByFaq.GetValueOrDefault(documentId) - self;
        return FaqSignalValues.Neutral with
        {
            LogConfirmedQueries = MathF.Log(1f + others),
            ConfirmedPair = pair - self > 0,
            ConfirmedQuerySimilarity = BestSimilarity(foldedQuery, documentId),
        };
    }

    private float BestSimilarity(string foldedQuery, string documentId)
    {
        if (!_confirmedTexts.TryGetValue(documentId, out var texts))
            return 0f;
        if (!string.Equals(foldedQuery, _lastQuery, StringComparison.Ordinal))
        {
            _lastBigrams = BigramSimilarity.Bigrams(foldedQuery);
            _lastQuery = foldedQuery;
        }

        var best = 0f;
        foreach (var (text, bigrams) in texts)
        {
            // Leave-one-out: the asking query's own text is not another citizen's wording.
            if (!string.Equals(text, foldedQuery, StringComparison.Ordinal))
                best = Math.Max(best, BigramSimilarity.Dice(_lastBigrams, bigrams));
        }

        return best;
    }
}
