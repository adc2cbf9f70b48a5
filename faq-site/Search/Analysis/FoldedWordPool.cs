namespace ConversationHub.Faq.Search.Analysis;

/// <summary>
/// One string per distinct reading-folded word, per thread. PERF: a corpus has tens of thousands of distinct words but
/// millions of word occurrences; folding into a stack buffer and looking the span up allocates only for new words,
/// which took most of a rebuild's garbage collections.
/// </summary>
internal static class FoldedWordPool
{
    // Bounds the pool on a node that analyses unbounded query text; past it, words are allocated as before.
    private const int MaxWords = 200_000;

    [ThreadStatic]
    private static Dictionary<string, string>? _words;

    /// <summary>The reading-folded form of <paramref name="text"/> (see <see cref="JapaneseNormalizer.FoldReading(ReadOnlySpan{char})"/>).</summary>
    public static string Fold(ReadOnlySpan<char> text)
    {
        if (text.Length > 64)
            return JapaneseNormalizer.FoldReading(text);

        Span<char> buffer = stackalloc char[text.Length];
        var folded = buffer[..JapaneseNormalizer.FoldReading(text, buffer)];
        var words = _words ??= new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(folded, out var word))
            return word;

        word = new string(folded);
        if (words.Count < MaxWords)
            words.Add(word, word);
        return word;
    }
}
