using ConversationHub.Faq.Ranking.Features;

namespace ConversationHub.Faq.Ranking.Training;

/// <summary>
/// Confirmed answers as re-ranking signals: each judged (query, FAQ) pair counts as an answer an editor or agent
/// confirmed (on the platform, the labels of a judgement snapshot; for a dataset, its training queries).
/// Leave-one-out: a query never sees its own judgements (a pair with the asking query's exact text counts once
/// less), so training rows see the same distribution as a new query does, and nothing of a held-out query's
/// judgements reaches its features. Thread-safe: each thread keeps its own last query's neighbours (search asks
/// for every candidate of one query in turn).
/// </summary>
internal sealed class JudgedQuerySignals : IFaqSignals
{
    /// <summary>How many of the most similar judged texts vote in <see cref="FaqSignalValues.NearestQueriesGrade"/>.</summary>
    public const int NearestTextCount = 10;

    private readonly Dictionary<string, int> _queriesByFaq = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Query, string Faq), int> _pairs = [];

    // The distinct judged texts, their IDF-weighted bigram mass and their (FAQ, grade) judgements.
    private readonly List<(string Text, float Weight, List<(string Faq, int Grade)> Judged)> _texts = [];

    // PERF: bigram → the texts holding it, so a query touches only texts it shares a bigram with.
    private readonly Dictionary<int, (float Idf, List<int> Texts)> _postings = [];
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
        var textIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var query in queries)
        {
            if (!textIndex.TryGetValue(query.FoldedText, out var at))
            {
                textIndex.Add(query.FoldedText, at = _texts.Count);
                _texts.Add((query.FoldedText, 0f, []));
                foreach (var gram in query.Bigrams)
                {
                    if (!_postings.TryGetValue(gram, out var posting))
                        _postings.Add(gram, posting = (0f, []));
                    posting.Texts.Add(at);
                }
            }

            foreach (var (faq, grade) in query.Judgements)
            {
                if (grade < 1)
                    continue;
                _queriesByFaq[faq] = _queriesByFaq.GetValueOrDefault(faq) + 1;
                _pairs[(query.FoldedText, faq)] = _pairs.GetValueOrDefault((query.FoldedText, faq)) + 1;
                _texts[at].Judged.Add((faq, grade));
            }
        }

        SetBigramIdf(queries.Select(q => q.Bigrams), queries.Count);
        foreach (var (text, at) in textIndex)
            _texts[at] = _texts[at] with { Weight = Weight(BigramSimilarity.Bigrams(text)) };
    }

    public FaqSignalValues Get(string foldedQuery, string documentId)
    {
        var pair = _pairs.GetValueOrDefault((foldedQuery, documentId));
        var self = pair > 0 ? 1 : 0;
        var others = _queriesByFaq.GetValueOrDefault(documentId) - self;
        var neighbours = NeighboursOf(foldedQuery);
        var faq = neighbours.ByFaq.GetValueOrDefault(documentId);
        var nearest = neighbours.Nearest;
        return FaqSignalValues.Neutral with
        {
            LogConfirmedQueries = MathF.Log(1f + others),
            ConfirmedPair = pair - self > 0,
            ConfirmedQuerySimilarity = faq.Best,
            ConfirmedQueryVotes = MathF.Log(1f + faq.Votes),
            ConfirmedQueryLead = nearest > 0f ? faq.Best / nearest : 0f,
            ConfirmedQuerySecondSimilarity = faq.Second,
            NearestQueriesGrade = neighbours.NearestMass > 0f ? faq.NearestGrades / neighbours.NearestMass : 0f,
            NearestQueryReciprocalRank = faq.ReciprocalRank,
        };
    }

    /// <summary>The FAQs of the nearest judged texts (leave-one-out, as <see cref="Get"/>), by best similarity, then votes.</summary>
    public IReadOnlyList<string> NearestConfirmedFaqs(string foldedQuery, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        var neighbours = NeighboursOf(foldedQuery);
        if (max == 0 || neighbours.ByFaq.Count == 0)
            return [];
        // PERF: one insertion pass keeping the best few, not a sort of every FAQ the neighbours confirm (often hundreds).
        var best = neighbours.TopFaqs;
        best.Clear();
        foreach (var (faq, judged) in neighbours.ByFaq)
        {
            var candidate = (faq, judged.Best, judged.Votes);
            var at = best.Count;
            while (at > 0 && Precedes(candidate, best[at - 1]))
                at--;
            if (at >= max)
                continue;
            best.Insert(at, candidate);
            if (best.Count > max)
                best.RemoveAt(max);
        }

        var ids = new string[best.Count];
        for (var i = 0; i < ids.Length; i++)
            ids[i] = best[i].Faq;
        return ids;
    }

    /// <summary>Higher best similarity first, then more votes, then the id (ordinal), so the order never depends on hashing.</summary>
    private static bool Precedes((string Faq, float Best, float Votes) a, (string Faq, float Best, float Votes) b) =>
        a.Best != b.Best ? a.Best > b.Best
        : a.Votes != b.Votes ? a.Votes > b.Votes
        : string.CompareOrdinal(a.Faq, b.Faq) < 0;

    private Neighbours NeighboursOf(string foldedQuery)
    {
        var neighbours = t_neighbours ??= new Neighbours();
        if (!ReferenceEquals(neighbours.Owner, this) || !string.Equals(foldedQuery, neighbours.Query, StringComparison.Ordinal))
            FindNeighbours(foldedQuery, neighbours);
        return neighbours;
    }

    /// <summary>
    /// Bigram IDF over the judged queries (duplicates counted): the wording every question shares (です, ますか,
    /// 教えて) weighs little, the topic's own words much.
    /// </summary>
    private void SetBigramIdf(IEnumerable<HashSet<int>> queries, int count)
    {
        var documentFrequency = new Dictionary<int, int>();
        foreach (var bigrams in queries)
        {
            foreach (var gram in bigrams)
                documentFrequency[gram] = documentFrequency.GetValueOrDefault(gram) + 1;
        }

        foreach (var (gram, df) in documentFrequency)
            _postings[gram] = _postings[gram] with { Idf = MathF.Log((count + 1f) / (df + 0.5f)) };
        _unseenIdf = MathF.Log((count + 1f) / 0.5f);
    }

    private float Weight(HashSet<int> bigrams)
    {
        var sum = 0f;
        foreach (var gram in bigrams)
            sum += _postings.TryGetValue(gram, out var posting) ? posting.Idf : _unseenIdf;
        return sum;
    }

    /// <summary>
    /// IDF-weighted Dice similarity (shared bigrams counted by IDF) of the query to every judged text it shares a
    /// bigram with; per FAQ the best similarity and the grade-weighted sum of squared similarities.
    /// </summary>
    private void FindNeighbours(string foldedQuery, Neighbours neighbours)
    {
        neighbours.Owner = this;
        neighbours.Query = foldedQuery;
        neighbours.ByFaq.Clear();
        neighbours.Nearest = 0f;
        var common = neighbours.Common(_texts.Count);
        var touched = neighbours.Touched;
        touched.Clear();
        var bigrams = BigramSimilarity.Bigrams(foldedQuery);
        var weight = 0f;
        foreach (var gram in bigrams)
        {
            if (!_postings.TryGetValue(gram, out var posting))
            {
                weight += _unseenIdf;
                continue;
            }

            weight += posting.Idf;
            foreach (var text in posting.Texts)
            {
                if (common[text] == 0f)
                    touched.Add(text);
                common[text] += posting.Idf;
            }
        }

        var nearestTexts = neighbours.NearestTexts;
        nearestTexts.Clear();
        foreach (var at in touched)
        {
            var (text, textWeight, judged) = _texts[at];
            var shared = common[at];
            common[at] = 0f;
            // Leave-one-out: the asking query's own text is not another citizen's wording.
            if (shared <= 0f || string.Equals(text, foldedQuery, StringComparison.Ordinal))
                continue;
            var similarity = 2f * shared / (weight + textWeight);
            KeepNearest(nearestTexts, at, similarity);
            foreach (var (faq, grade) in judged)
            {
                var found = neighbours.ByFaq.GetValueOrDefault(faq);
                neighbours.ByFaq[faq] = found with
                {
                    Best = Math.Max(found.Best, similarity),
                    Second = similarity > found.Best ? found.Best : Math.Max(found.Second, similarity),
                    Votes = found.Votes + (grade * similarity * similarity),
                };
                neighbours.Nearest = Math.Max(neighbours.Nearest, similarity);
            }
        }

        // The nearest texts vote on each FAQ with their grade, weighted by similarity: of what the closest past
        // queries were judged to need, this FAQ's share (a k-nearest-neighbour estimate of its grade).
        neighbours.NearestMass = 0f;
        for (var i = 0; i < nearestTexts.Count; i++)
        {
            var (at, similarity) = nearestTexts[i];
            neighbours.NearestMass += similarity;
            foreach (var (faq, grade) in _texts[at].Judged)
            {
                var found = neighbours.ByFaq[faq];
                neighbours.ByFaq[faq] = found with
                {
                    NearestGrades = found.NearestGrades + (grade * similarity),
                    ReciprocalRank = Math.Max(found.ReciprocalRank, 1f / (i + 1)),
                };
            }
        }
    }

    /// <summary>Inserts (text, similarity) into the list of the <see cref="NearestTextCount"/> most similar, most similar first.</summary>
    private static void KeepNearest(List<(int Text, float Similarity)> nearest, int text, float similarity)
    {
        var at = nearest.Count;
        while (at > 0 && similarity > nearest[at - 1].Similarity)
            at--;
        if (at >= NearestTextCount)
            return;
        if (nearest.Count == NearestTextCount)
            nearest.RemoveAt(NearestTextCount - 1);
        nearest.Insert(at, (text, similarity));
    }

    /// <summary>What the query's neighbours say of one FAQ.</summary>
    /// <param name="Best">The highest similarity of a text judged relevant to it.</param>
    /// <param name="Second">The second highest.</param>
    /// <param name="Votes">The grade-weighted sum of squared similarities.</param>
    /// <param name="NearestGrades">Over the nearest texts only, the similarity-weighted sum of its grades.</param>
    /// <param name="ReciprocalRank">1 / the rank of the nearest text judging it among the nearest texts; 0 beyond them.</param>
    private readonly record struct Judged(float Best, float Second, float Votes, float NearestGrades, float ReciprocalRank);

    private sealed class Neighbours
    {
        private float[] _common = [];

        public JudgedQuerySignals? Owner { get; set; }

        public string? Query { get; set; }

        public Dictionary<string, Judged> ByFaq { get; } = new(StringComparer.Ordinal);

        public float Nearest { get; set; }

        /// <summary>The <see cref="NearestTextCount"/> judged texts most similar to the query, most similar first.</summary>
        public List<(int Text, float Similarity)> NearestTexts { get; } = new(NearestTextCount + 1);

        /// <summary>The summed similarity of <see cref="NearestTexts"/>.</summary>
        public float NearestMass { get; set; }

        public List<int> Touched { get; } = [];

        /// <summary>Scratch for <see cref="NearestConfirmedFaqs"/>.</summary>
        public List<(string Faq, float Best, float Votes)> TopFaqs { get; } = [];

        /// <summary>Per-text shared IDF mass, all zero between queries.</summary>
        public float[] Common(int count)
        {
            if (_common.Length < count)
                _common = new float[count];
            return _common;
        }
    }
}
