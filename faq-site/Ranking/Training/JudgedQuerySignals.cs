using ConversationHub.Faq.Ranking.Features;

namespace ConversationHub.Faq.Ranking.Training;

/// <summary>
/// Stand-in, for a judged dataset, of the platform's confirmed answers: each judged (query, FAQ) pair of the
/// training queries counts as an answer an editor or agent confirmed. Leave-one-out: a query never sees its own
/// judgements (a pair with the asking query's exact text counts once less), so the training rows see the same
/// distribution as a new query does, and nothing of a held-out query's judgements reaches its features.
/// Thread-safe: each thread keeps its own last query's neighbours (search asks for every candidate of one query in turn).
/// </summary>
internal sealed class JudgedQuerySignals : IFaqSignals
{
    private readonly Dictionary<string, int> _queriesByFaq = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Query, string Faq), int> _pairs = [];
    private readonly List<(string Faq, string Text, int Grade, HashSet<int> Bigrams, float Weight)> _confirmedTexts = [];
    private readonly Dictionary<int, float> _bigramIdf = [];
    private float _unseenIdf;

    // PERF: the asking query's neighbours per FAQ, computed once for the candidates that follow it, per thread.
    // Shared by every instance on a thread, so it names its owner.
    [ThreadStatic]
    private static Neighbours? t_neighbours;

    public JudgedQuerySignals(IEnumerable<CandidateQuery> judgedQueries)
        : this(judgedQueries.Select(q => (q.FoldedText, q.Judgements)))
    {
    }

    /// <param name="judgedQueries">Each query's folded text (<see cref="Search.Index.AnalyzedQuery.FoldedText"/>) and judgements.</param>
    public JudgedQuerySignals(IEnumerable<(string FoldedText, IReadOnlyDictionary<string, int> Judgements)> judgedQueries)
    {
        ArgumentNullException.ThrowIfNull(judgedQueries);
        var queries = judgedQueries.Select(q => (q.FoldedText, q.Judgements, Bigrams: BigramSimilarity.Bigrams(q.FoldedText))).ToList();
        SetBigramIdf(queries.Select(q => q.Bigrams));
        foreach (var query in queries)
        {
            var weight = Weight(query.Bigrams);
            foreach (var (faq, grade) in query.Judgements)
            {
                if (grade < 1)
                    continue;
                _queriesByFaq[faq] = _queriesByFaq.GetValueOrDefault(faq) + 1;
                _pairs[(query.FoldedText, faq)] = _pairs.GetValueOrDefault((query.FoldedText, faq)) + 1;
                _confirmedTexts.Add((faq, query.FoldedText, grade, query.Bigrams, weight));
            }
        }
    }

    /// <summary>
    /// Bigram IDF over the judged queries: the wording every question shares (です, ますか, 教えて) weighs little, the
    /// topic's own words much.
    /// </summary>
    private void SetBigramIdf(IEnumerable<HashSet<int>> queries)
    {
        var documentFrequency = new Dictionary<int, int>();
        var count = 0;
        foreach (var bigrams in queries)
        {
            count++;
            foreach (var gram in bigrams)
                documentFrequency[gram] = documentFrequency.GetValueOrDefault(gram) + 1;
        }

        foreach (var (gram, df) in documentFrequency)
            _bigramIdf[gram] = MathF.Log((count + 1f) / (df + 0.5f));
        _unseenIdf = MathF.Log((count + 1f) / 0.5f);
    }

    private float Weight(HashSet<int> bigrams)
    {
        var sum = 0f;
        foreach (var gram in bigrams)
            sum += _bigramIdf.GetValueOrDefault(gram, _unseenIdf);
        return sum;
    }

    /// <summary>Dice similarity with each shared bigram counted by its IDF.</summary>
    private float WeightedDice(HashSet<int> query, float queryWeight, HashSet<int> text, float textWeight)
    {
        if (queryWeight <= 0f || textWeight <= 0f)
            return 0f;
        var (small, large) = query.Count <= text.Count ? (query, text) : (text, query);
        var common = 0f;
        foreach (var gram in small)
        {
            if (large.Contains(gram))
                common += _bigramIdf.GetValueOrDefault(gram, _unseenIdf);
        }

        return 2f * common / (queryWeight + textWeight);
    }

    public FaqSignalValues Get(string foldedQuery, string documentId)
    {
        var pair = _pairs.GetValueOrDefault((foldedQuery, documentId));
        var self = pair > 0 ? 1 : 0;
        var others = _queriesByFaq.GetValueOrDefault(documentId) - self;
        var neighbours = t_neighbours ??= new Neighbours();
        if (!ReferenceEquals(neighbours.Owner, this) || !string.Equals(foldedQuery, neighbours.Query, StringComparison.Ordinal))
            FindNeighbours(foldedQuery, neighbours);
        var (best, votes) = neighbours.ByFaq.GetValueOrDefault(documentId);
        var nearest = neighbours.Nearest;
        return FaqSignalValues.Neutral with
        {
            LogConfirmedQueries = MathF.Log(1f + others),
            ConfirmedPair = pair - self > 0,
            ConfirmedQuerySimilarity = best,
            ConfirmedQueryVotes = MathF.Log(1f + votes),
            ConfirmedQueryLead = nearest > 0f ? best / nearest : 0f,
        };
    }

    private void FindNeighbours(string foldedQuery, Neighbours neighbours)
    {
        neighbours.Owner = this;
        neighbours.Query = foldedQuery;
        neighbours.ByFaq.Clear();
        neighbours.Nearest = 0f;
        var bigrams = BigramSimilarity.Bigrams(foldedQuery);
        var weight = Weight(bigrams);
        foreach (var (faq, text, grade, textBigrams, textWeight) in _confirmedTexts)
        {
            // Leave-one-out: the asking query's own text is not another citizen's wording.
            if (string.Equals(text, foldedQuery, StringComparison.Ordinal))
                continue;
            var similarity = WeightedDice(bigrams, weight, textBigrams, textWeight);
            if (similarity <= 0f)
                continue;
            var (best, votes) = neighbours.ByFaq.GetValueOrDefault(faq);
            neighbours.ByFaq[faq] = (Math.Max(best, similarity), votes + (grade * similarity * similarity));
            neighbours.Nearest = Math.Max(neighbours.Nearest, similarity);
        }
    }

    private sealed class Neighbours
    {
        public JudgedQuerySignals? Owner { get; set; }

        public string? Query { get; set; }

        public Dictionary<string, (float Best, float Votes)> ByFaq { get; } = new(StringComparer.Ordinal);

        public float Nearest { get; set; }
    }
}
