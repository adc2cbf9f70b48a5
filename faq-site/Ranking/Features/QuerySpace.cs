using ConversationHub.Faq.Search.Index;

namespace ConversationHub.Faq.Ranking.Features;

/// <summary>
/// One query's terms in one term space, resolved against a snapshot once per query (postings and IDF), and the
/// per-field matches of the candidate last passed to <see cref="Match"/>.
/// </summary>
internal sealed class QuerySpace
{
    private const int F = FieldTerms.FieldCount;

    private readonly PostingList?[] _postings;
    private readonly float[] _idf;
    private readonly bool[] _typed;
    private readonly float _typedIdfSum;
    private readonly int _synonymCount;
    private readonly int _liveCount;
    private readonly float[] _lengthNorms = new float[F];

    // The candidate last matched: per field, typed terms found and the IDF they carry; synonym-only terms found.
    private readonly int[] _found = new int[F];
    private readonly float[] _foundIdf = new float[F];
    private readonly float[] _matchedTf = new float[F];
    private readonly float[] _fieldLengths = new float[F];
    private readonly float[] _maxMissingIdf = new float[F];
    private readonly float _maxTypedIdf;
    private float _maxMissingIdfAny;
    private int _foundAny;
    private int _synonymsFound;

    private QuerySpace(PostingList?[] postings, float[] idf, bool[] typed, List<string> typedTerms, int liveCount)
    {
        _liveCount = liveCount;
        _postings = postings;
        _idf = idf;
        _typed = typed;
        TypedTerms = typedTerms;
        for (var q = 0; q < typed.Length; q++)
        {
            if (typed[q])
            {
                _typedIdfSum += idf[q];
                // A term no FAQ holds is missing from every candidate alike, so it says nothing about one of them.
                if (postings[q] is not null)
                    _maxTypedIdf = Math.Max(_maxTypedIdf, idf[q]);
            }
            else
                _synonymCount++;
        }
    }

    /// <summary>The terms the citizen typed (weight 1), without those only synonyms added.</summary>
    public List<string> TypedTerms { get; }

    public float MeanTypedIdf => TypedTerms.Count == 0 ? 0f : _typedIdfSum / TypedTerms.Count;

    public float CoverageAny => TypedTerms.Count == 0 ? 0f : _foundAny / (float)TypedTerms.Count;

    public float SynonymCoverage => _synonymCount == 0 ? 0f : _synonymsFound / (float)_synonymCount;

    public static QuerySpace Create(SpaceIndex space, QueryTerms terms, int liveCount)
    {
        var count = terms.Terms.Count;
        var postings = new PostingList?[count];
        var idf = new float[count];
        var typed = new bool[count];
        var typedTerms = new List<string>(count);
        for (var q = 0; q < count; q++)
        {
            space.Postings.TryGetValue(terms.Terms[q], out postings[q]);
            var df = postings[q]?.Count ?? 0;
            idf[q] = MathF.Log(1f + ((liveCount - df + 0.5f) / (df + 0.5f)));
            // Typed terms carry weight 1; a synonym's terms carry the smaller synonym weight.
            typed[q] = terms.Weights[q] >= 1f;
            if (typed[q])
                typedTerms.Add(terms.Terms[q]);
        }

        return new QuerySpace(postings, idf, typed, typedTerms, liveCount);
    }

    /// <summary>How many typed query terms the candidate last matched holds in <paramref name="field"/>.</summary>
    public int FoundIn(SearchField field) => _found[(int)field];

    public float Coverage(SearchField field) => TypedTerms.Count == 0 ? 0f : _found[(int)field] / (float)TypedTerms.Count;

    /// <summary>Share of the field's terms (occurrences) that are typed query terms.</summary>
    public float FieldMatchedShare(SearchField field) =>
        _fieldLengths[(int)field] <= 0f ? 0f : Math.Min(1f, _matchedTf[(int)field] / _fieldLengths[(int)field]);

    /// <summary>
    /// The IDF of the rarest typed term the field lacks, over the IDF of the query's rarest typed term: 1 when the
    /// query's most specific word is missing, 0 when every typed term is there.
    /// </summary>
    public float MissingIdf(SearchField field) => _maxTypedIdf <= 0f ? 0f : _maxMissingIdf[(int)field] / _maxTypedIdf;

    /// <summary><see cref="MissingIdf"/> for terms the candidate holds in no field at all.</summary>
    public float MissingIdfAnyField => _maxTypedIdf <= 0f ? 0f : _maxMissingIdfAny / _maxTypedIdf;

    public float IdfCoverage(SearchField field) => _typedIdfSum <= 0f ? 0f : _foundIdf[(int)field] / _typedIdfSum;

    /// <summary>
    /// Finds the candidate in each term's postings, writes per-field BM25 of the typed terms at
    /// <paramref name="bm25At"/> (4 values) and, when <paramref name="coverageAt"/> is not negative, per-field coverage.
    /// </summary>
    public void Match(SpaceIndex space, int slot, Span<float> row, int bm25At, int coverageAt)
    {
        Array.Clear(_found);
        Array.Clear(_foundIdf);
        Array.Clear(_matchedTf);
        Array.Clear(_maxMissingIdf);
        _maxMissingIdfAny = 0f;
        _foundAny = 0;
        _synonymsFound = 0;
        var k1 = space.Parameters.K1;
        var lengthNorms = _lengthNorms;
        SetFieldLengthNorms(space, slot);

        for (var q = 0; q < _postings.Length; q++)
        {
            var postings = _postings[q];
            if (postings is null)
                continue;
            // PERF: postings are in slot order, so one binary search finds the candidate's frequencies.
            var at = Array.BinarySearch(postings.Slots, slot);
            if (at < 0)
            {
                if (_typed[q])
                    MarkMissingEverywhere(_idf[q]);
                continue;
            }

            if (!_typed[q])
            {
                _synonymsFound++;
                continue;
            }

            _foundAny++;
            for (var f = 0; f < F; f++)
            {
                float tf = postings.Frequencies[(at * F) + f];
                if (tf == 0f)
                {
                    _maxMissingIdf[f] = Math.Max(_maxMissingIdf[f], _idf[q]);
                    continue;
                }

                _found[f]++;
                _foundIdf[f] += _idf[q];
                _matchedTf[f] += tf;
                row[bm25At + f] += _idf[q] * tf * (k1 + 1f) / (tf + (k1 * lengthNorms[f]));
            }
        }

        if (coverageAt < 0)
            return;
        for (var f = 0; f < F; f++)
            row[coverageAt + f] = Coverage((SearchField)f);
    }

    private void MarkMissingEverywhere(float idf)
    {
        for (var f = 0; f < F; f++)
            _maxMissingIdf[f] = Math.Max(_maxMissingIdf[f], idf);
        _maxMissingIdfAny = Math.Max(_maxMissingIdfAny, idf);
    }

    /// <summary>BM25's per-field <c>1 - b + b * length / averageLength</c>, with each field's own b.</summary>
    private void SetFieldLengthNorms(SpaceIndex space, int slot)
    {
        for (var f = 0; f < F; f++)
        {
            var b = space.Parameters[(SearchField)f].B;
            _fieldLengths[f] = space.FieldLengths[(slot * F) + f];
            var average = space.LengthSums[f] == 0 ? 1f : space.LengthSums[f] / (float)Math.Max(_liveCount, 1);
            _lengthNorms[f] = 1f - b + (b * space.FieldLengths[(slot * F) + f] / average);
        }
    }
}
