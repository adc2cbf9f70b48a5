using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ConversationHub.Faq.Search.Analysis;

namespace ConversationHub.Faq.Search.Index;

/// <summary>
/// A document after analysis. Snapshots keep it so that an update can take the old document's postings
/// out without analysing its old text again, and so that re-ranking features (longest common substring with
/// the question, proximity of query words) need no second pass over the text.
/// </summary>
internal sealed class AnalyzedDocument(string id, FieldTerms words, FieldTerms grams, FieldTerms readings)
{
    public string Id { get; } = id;

    /// <summary>What was analysed; a rebuild reuses this analysis when the FAQ's text has not changed.</summary>
    public SearchDocument? Source { get; init; }

    /// <summary>The question, normalised and reading-folded as queries are for synonym matching.</summary>
    public string QuestionText { get; init; } = string.Empty;

    /// <summary>The paraphrases, folded like <see cref="QuestionText"/>.</summary>
    public string[] ParaphraseTexts { get; init; } = [];

    /// <summary>The question's words in text order, as analysed: positions for proximity.</summary>
    public string[] QuestionWords { get; init; } = [];

    /// <summary>The answer's words in text order.</summary>
    public string[] AnswerWords { get; init; } = [];

    public FieldTerms Words { get; } = words;

    public FieldTerms Grams { get; } = grams;

    /// <summary>Reading bigrams of the question, paraphrases and keywords (the answer has none: long, and rarely asked by sound).</summary>
    public FieldTerms Readings { get; } = readings;

    public FieldTerms this[TermSpace space] => space switch
    {
        TermSpace.Words => Words,
        TermSpace.Grams => Grams,
        _ => Readings,
    };

    // PERF: reused per thread (a rebuild analyses thousands of documents on each core); only the results are copied out.
    [ThreadStatic]
    private static (Accumulator Words, Accumulator Grams, Accumulator Readings)? _accumulators;

    [ThreadStatic]
    private static (List<string> Words, List<string> Grams, List<string> Readings)? _buffers;

    public static AnalyzedDocument Create(SearchDocument document, JapaneseAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(document);
        var (words, grams, readings) = _accumulators ??= (new Accumulator(), new Accumulator(), new Accumulator());
        words.Reset();
        grams.Reset();
        readings.Reset();
        var (wordBuffer, gramBuffer, readingBuffer) = _buffers ??= ([], [], []);

        void AddField(string text, SearchField field)
        {
            wordBuffer.Clear();
            gramBuffer.Clear();
            readingBuffer.Clear();
            analyzer.Analyze(text, wordBuffer, gramBuffer, field == SearchField.Answer ? null : readingBuffer);
            words.Add(wordBuffer, field);
            grams.Add(gramBuffer, field);
            readings.Add(readingBuffer, field);
        }

        AddField(document.Question, SearchField.Question);
        string[] questionWords = [.. wordBuffer];
        foreach (var paraphrase in document.Paraphrases)
            AddField(paraphrase, SearchField.Paraphrase);
        AddField(document.Answer, SearchField.Answer);
        string[] answerWords = [.. wordBuffer];
        foreach (var keyword in document.Keywords)
            AddField(keyword, SearchField.Keywords);

        return new AnalyzedDocument(document.Id, words.ToFieldTerms(), grams.ToFieldTerms(), readings.ToFieldTerms())
        {
            Source = document,
            QuestionText = SynonymExpander.FoldForMatching(document.Question),
            ParaphraseTexts = [.. document.Paraphrases.Select(SynonymExpander.FoldForMatching)],
            QuestionWords = questionWords,
            AnswerWords = answerWords,
        };
    }

    /// <summary>Whether this is the analysis of <paramref name="document"/>'s current text (same id, same fields).</summary>
    public bool Analyses(SearchDocument document) =>
        Source is { } source
        && string.Equals(source.Id, document.Id, StringComparison.Ordinal)
        && string.Equals(source.Question, document.Question, StringComparison.Ordinal)
        && string.Equals(source.Answer, document.Answer, StringComparison.Ordinal)
        && source.Paraphrases.SequenceEqual(document.Paraphrases, StringComparer.Ordinal)
        && source.Keywords.SequenceEqual(document.Keywords, StringComparer.Ordinal);

    private sealed class Accumulator
    {
        private readonly Dictionary<string, int> _indexByTerm = new(StringComparer.Ordinal);
        private readonly int[] _lengths = new int[FieldTerms.FieldCount];
        private ushort[] _frequencies = new ushort[256 * FieldTerms.FieldCount];

        public void Reset()
        {
            Array.Clear(_frequencies, 0, _indexByTerm.Count * FieldTerms.FieldCount);
            _indexByTerm.Clear();
            Array.Clear(_lengths);
        }

        // PERF: a rebuild runs this once, cold; tier-0 code would make the first build several times slower.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Add(List<string> terms, SearchField field)
        {
            foreach (var term in terms)
            {
                ref var index = ref CollectionsMarshal.GetValueRefOrAddDefault(_indexByTerm, term, out var exists);
                if (!exists)
                {
                    index = _indexByTerm.Count - 1;
                    if ((index + 1) * FieldTerms.FieldCount > _frequencies.Length)
                        Array.Resize(ref _frequencies, _frequencies.Length * 2);
                }

                var at = (index * FieldTerms.FieldCount) + (int)field;
                if (_frequencies[at] < ushort.MaxValue)
                    _frequencies[at]++;
            }

            _lengths[(int)field] += terms.Count;
        }

        public FieldTerms ToFieldTerms()
        {
            var terms = new string[_indexByTerm.Count];
            foreach (var (term, index) in _indexByTerm)
                terms[index] = term;
            return new FieldTerms(terms, _frequencies.AsSpan(0, terms.Length * FieldTerms.FieldCount).ToArray(), [.. _lengths]);
        }
    }
}
