using System.Text;
using ConversationHub.Faq.Search.Analysis;

namespace ConversationHub.Faq.Search.Readings;

/// <summary>
/// Writes a normalised text as it is read (住民票の写し → じゅうみんひょうのうつし): each kanji word the dictionary knows
/// becomes its reading, found by longest match at each position; kana stay, and kanji it does not know stay as written.
/// The result is reading-folded (katakana as hiragana), as queries are.
/// </summary>
internal static class ReadingTranscriber
{
    // PERF: reused per thread; transcription runs for every question and paraphrase of a rebuild.
    [ThreadStatic]
    private static StringBuilder? _builder;

    public static string Transcribe(ReadingDictionary dictionary, string normalized, List<(int Start, int Length)> words)
    {
        var builder = Read(dictionary, normalized, words, offsets: []);
        Span<char> read = builder.Length <= 256 ? stackalloc char[builder.Length] : new char[builder.Length];
        builder.CopyTo(0, read, builder.Length);
        return JapaneseNormalizer.FoldReading(read);
    }

    /// <summary>
    /// The reading of the text from its start and from each word start on (for prefix suggestions: 住民票の写し →
    /// じゅうみんひょうのうつし, ひょうのうつし, うつし), text start first; a word that starts inside a dictionary entry's
    /// surface has none. PERF: one transcription serves every start (the text start's reading is what
    /// <see cref="Transcribe"/> would return).
    /// </summary>
    public static IEnumerable<(int Start, string Reading)> ReadingsFromStarts(
        ReadingDictionary dictionary, string normalized, List<(int Start, int Length)> words)
    {
        var offsets = new int[normalized.Length];
        var builder = Read(dictionary, normalized, words, offsets);
        var read = builder.ToString();
        if (words.Count == 0 || words[0].Start != 0)
            yield return (0, JapaneseNormalizer.FoldReading(read));
        foreach (var (start, _) in words)
        {
            if (offsets[start] >= 0)
                yield return (start, JapaneseNormalizer.FoldReading(read.AsSpan(offsets[start])));
        }
    }

    /// <summary>
    /// The dictionary words that <see cref="Transcribe"/> reads in <paramref name="normalized"/>, in text order, each with
    /// the dictionary entries of all its readings (<see cref="ReadingDictionary.ReadingOf"/>). Kana and unknown kanji,
    /// which transcription keeps as written, are not listed.
    /// </summary>
    public static void ReadWords(
        ReadingDictionary dictionary, string normalized, List<(int Start, int Length)> words, List<(int Start, int Length, Range Entries)> read)
    {
        Span<bool> wordEnds = normalized.Length < 512 ? stackalloc bool[normalized.Length + 1] : new bool[normalized.Length + 1];
        MarkWordEnds(normalized, words, wordEnds);
        for (var i = 0; i < normalized.Length;)
        {
            var entries = default(Range);
            var length = CharClass.IsCjk(CharClass.Of(normalized[i])) ? dictionary.LongestMatchEntries(normalized, i, wordEnds, out entries) : 0;
            if (length == 0)
            {
                i++;
                continue;
            }

            read.Add((i, length, entries));
            i += length;
        }
    }

    private static void MarkWordEnds(string normalized, List<(int Start, int Length)> words, Span<bool> wordEnds)
    {
        foreach (var (start, length) in words)
            wordEnds[start + length] = true;
        wordEnds[normalized.Length] = true;
    }

    // offsets, when not empty, receives for each text position where its reading starts in the result (-1 inside an entry).
    private static StringBuilder Read(ReadingDictionary dictionary, string normalized, List<(int Start, int Length)> words, Span<int> offsets)
    {
        Span<bool> wordEnds = normalized.Length < 512 ? stackalloc bool[normalized.Length + 1] : new bool[normalized.Length + 1];
        MarkWordEnds(normalized, words, wordEnds);

        var builder = _builder ??= new StringBuilder();
        builder.Clear();
        var text = normalized.AsSpan();
        for (var i = 0; i < text.Length;)
        {
            ReadOnlySpan<char> reading = default;
            var length = CharClass.IsCjk(CharClass.Of(text[i])) ? dictionary.LongestMatch(text, i, wordEnds, out reading) : 0;
            if (!offsets.IsEmpty)
            {
                offsets[i] = builder.Length;
                for (var inside = 1; inside < length; inside++)
                    offsets[i + inside] = -1;
            }

            if (length == 0)
            {
                builder.Append(text[i]);
                i++;
                continue;
            }

            builder.Append(reading);
            i += length;
        }

        return builder;
    }
}
