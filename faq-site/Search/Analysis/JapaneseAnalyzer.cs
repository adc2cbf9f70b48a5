using System.Runtime.CompilerServices;
using ConversationHub.Faq.Search.Readings;

namespace ConversationHub.Faq.Search.Analysis;

/// <summary>
/// Turns text into the two term streams the index keeps: reading-folded ICU words without particles and
/// auxiliaries, and reading-folded CJK character bigrams (a run of one character gives a unigram); on request a
/// third, the bigrams of the text's reading (住民票 → じゅうみんひょう), so that kana match kanji. Documents and queries
/// go through the same analysis.
/// </summary>
internal sealed class JapaneseAnalyzer(AnalyzerOptions options, ReadingDictionary readings)
{
    // PERF: reused per thread; analysis runs once per document at build time and once per query.
    [ThreadStatic]
    private static List<(int Start, int Length)>? _segments;

    // PERF: a corpus has a few tens of thousands of distinct bigrams but hundreds of thousands of bigram
    // occurrences; sharing one string per bigram saves most of the allocations of a rebuild.
    [ThreadStatic]
    private static Dictionary<int, string>? _gramStrings;

    public JapaneseAnalyzer()
        : this(AnalyzerOptions.Default)
    {
    }

    /// <summary>An analyser that reads kanji with the system lexicon at its default place, when it is installed.</summary>
    public JapaneseAnalyzer(AnalyzerOptions options)
        : this(options, SystemReadingDictionaries.Default)
    {
    }

    public AnalyzerOptions Options { get; } = options;

    /// <summary>Where readings come from; <see cref="ReadingDictionary.IsEmpty"/> when no lexicon is installed.</summary>
    public ReadingDictionary Readings { get; } = readings;

    public void Analyze(string text, List<string> words, List<string> grams) => Analyze(text, words, grams, readingGrams: null);

    /// <summary>
    /// As <see cref="Analyze(string, List{string}, List{string})"/>, plus the character bigrams of the text's reading in
    /// <paramref name="readingGrams"/> (none when there is no reading dictionary).
    /// </summary>
    public void Analyze(string text, List<string> words, List<string> grams, List<string>? readingGrams)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = JapaneseNormalizer.Normalize(text);
        var segments = AddWords(normalized, words);
        AddGrams(JapaneseNormalizer.FoldReading(normalized), grams, Options.GramsOverHiragana);
        if (readingGrams is not null && !Readings.IsEmpty)
            AddGrams(ReadingTranscriber.Transcribe(Readings, normalized, segments), readingGrams, overHiragana: true);
    }

    // PERF: a rebuild runs this once, cold; tier-0 code would make the first build several times slower.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private List<(int Start, int Length)> AddWords(string normalized, List<string> words)
    {
        var segments = _segments ??= [];
        segments.Clear();
        IcuWordSegmenter.Segment(normalized, segments);

        var compoundStart = -1;
        var compoundEnd = -1;
        var compoundParts = 0;
        foreach (var (start, length) in segments)
        {
            var span = normalized.AsSpan(start, length);
            var script = ScriptOf(span);
            if (Options.Compounds && script is CharKind.Kanji or CharKind.Katakana && start == compoundEnd)
            {
                compoundEnd = start + length;
                compoundParts++;
            }
            else
            {
                FlushCompound(normalized, compoundStart, compoundEnd, compoundParts, words);
                var joinable = script is CharKind.Kanji or CharKind.Katakana;
                compoundStart = joinable ? start : -1;
                compoundEnd = joinable ? start + length : -1;
                compoundParts = 1;
            }

            // Short hiragana pieces are particles or inflection endings (ICU splits 取りたい as 取り|たい).
            if (script == CharKind.Hiragana && length < Options.MinHiraganaWordLength)
                continue;

            var word = script == CharKind.Latin ? LatinStemmer.Stem(span.ToString()) : FoldedWordPool.Fold(span);
            if (!StopWords.Contains(word))
                words.Add(word);
        }

        FlushCompound(normalized, compoundStart, compoundEnd, compoundParts, words);
        return segments;
    }

    private static void FlushCompound(string normalized, int start, int end, int parts, List<string> words)
    {
        if (parts >= 2 && start >= 0)
            words.Add(FoldedWordPool.Fold(normalized.AsSpan(start, end - start)));
    }

    // PERF: a rebuild runs this once, cold; tier-0 code would make the first build several times slower.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddGrams(string folded, List<string> grams, bool overHiragana)
    {
        var runStart = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inRun = i < folded.Length && IsGramChar(folded[i], overHiragana);
            if (inRun && runStart < 0)
                runStart = i;
            if (inRun || runStart < 0)
                continue;

            var runLength = i - runStart;
            if (runLength == 1)
                grams.Add(folded.Substring(runStart, 1));
            for (var j = runStart; j + 2 <= i; j++)
                grams.Add(Bigram(folded[j], folded[j + 1]));
            runStart = -1;
        }
    }

    private static string Bigram(char first, char second)
    {
        var strings = _gramStrings ??= [];
        var key = (first << 16) | second;
        if (!strings.TryGetValue(key, out var gram))
        {
            gram = string.Create(2, (first, second), static (span, pair) => (span[0], span[1]) = pair);
            if (strings.Count < 200_000)
                strings.Add(key, gram);
        }

        return gram;
    }

    private static bool IsGramChar(char c, bool overHiragana)
    {
        var kind = CharClass.Of(c);
        return kind is CharKind.Kanji or CharKind.Katakana || (kind == CharKind.Hiragana && overHiragana);
    }

    /// <summary>The script of a word: the one script it is written in, or Other for mixed words (取り).</summary>
    private static CharKind ScriptOf(ReadOnlySpan<char> word)
    {
        var script = CharClass.Of(word[0]);
        if (script == CharKind.Digit)
            return CharKind.Digit;
        for (var i = 1; i < word.Length; i++)
        {
            var kind = CharClass.Of(word[i]);
            if (kind != script && !(script == CharKind.Latin && kind == CharKind.Digit))
                return CharKind.Other;
        }

        return script;
    }
}
