using ConversationHub.Faq.Search.Analysis;

namespace ConversationHub.Faq.Search.Readings;

/// <summary>
/// Surface → reading pairs (住民 → じゅうみん) for words written with kanji, looked up by longest match. Immutable and
/// thread-safe. A surface keeps each of its distinct readings (方: かた, ほう, がた), lowest cost first: transcription
/// reads the first, and the results page marks a word whose reading is any of them. PERF: the entries live in one char
/// buffer sorted by surface, with offsets and lengths in parallel arrays (about 20 bytes an entry), instead of two
/// strings per entry, which would triple the memory of a system lexicon's few hundred thousand words; the extra
/// readings add about 5% to IPADIC's entries.
/// </summary>
internal sealed class ReadingDictionary
{
    private readonly char[] _chars;
    private readonly int[] _surfaceStart;
    private readonly byte[] _surfaceLength;
    private readonly byte[] _readingLength;

    // The entries whose surface starts with character c are [_firstStart[c], _firstStart[c + 1]).
    private readonly int[] _firstStart;

    private ReadingDictionary(char[] chars, int[] surfaceStart, byte[] surfaceLength, byte[] readingLength, int surfaceCount, string source)
    {
        _chars = chars;
        Count = surfaceCount;
        _surfaceStart = surfaceStart;
        _surfaceLength = surfaceLength;
        _readingLength = readingLength;
        Source = source;
        _firstStart = new int[char.MaxValue + 2];
        var entry = 0;
        for (var c = 0; c <= char.MaxValue + 1; c++)
        {
            while (entry < surfaceStart.Length && chars[surfaceStart[entry]] < c)
                entry++;
            _firstStart[c] = entry;
        }
    }

    /// <summary>No entries: analysis indexes no readings (the system lexicon is missing).</summary>
    public static ReadingDictionary Empty { get; } = new([], [], [], [], 0, "(none)");

    /// <summary>The number of distinct surfaces (kanji words); a word with several readings counts once.</summary>
    public int Count { get; }

    public bool IsEmpty => Count == 0;

    /// <summary>Where the entries came from (a lexicon folder), for logs and reports.</summary>
    public string Source { get; }

    /// <summary>Bytes held by the entries, for reports (the object headers are left out).</summary>
    public long SizeInBytes =>
        (_chars.Length * sizeof(char)) + (_surfaceStart.Length * sizeof(int)) + _surfaceLength.Length + _readingLength.Length
        + (_firstStart.Length * sizeof(int));

    /// <summary>
    /// Builds a dictionary from (surface, reading, cost) entries; where a surface has several readings the one of
    /// the lowest cost (the most common use: 方 as the suffix かた, not ほう) comes first and is the one transcription
    /// reads; the others follow by cost, each distinct reading once. Readings are stored folded to hiragana.
    /// </summary>
    public static ReadingDictionary Create(IReadOnlyList<(string Surface, string Reading, int Cost)> entries, string source)
    {
        ArgumentNullException.ThrowIfNull(entries);
        // PERF: sorting the entries themselves, with a static comparison, instead of indices into the list.
        var sorted = entries.ToArray();
        Array.Sort(sorted, static (a, b) =>
        {
            var bySurface = string.CompareOrdinal(a.Surface, b.Surface);
            return bySurface != 0 ? bySurface : a.Cost.CompareTo(b.Cost);
        });

        var kept = new List<(string Surface, string Reading)>(sorted.Length);
        var charCount = 0;
        var surfaceCount = 0;
        foreach (var (surface, raw, _) in sorted)
        {
            if (surface.Length is 0 or > byte.MaxValue)
                continue;
            var reading = JapaneseNormalizer.FoldReading(raw);
            if (reading.Length is 0 or > byte.MaxValue || HasReading(kept, surface, reading, out var surfaceKnown))
                continue;
            kept.Add((surface, reading));
            charCount += surface.Length + reading.Length;
            surfaceCount += surfaceKnown ? 0 : 1;
        }

        var chars = new char[charCount];
        var surfaceStart = new int[kept.Count];
        var surfaceLength = new byte[kept.Count];
        var readingLength = new byte[kept.Count];
        var at = 0;
        for (var k = 0; k < kept.Count; k++)
        {
            var (surface, reading) = kept[k];
            surfaceStart[k] = at;
            surfaceLength[k] = (byte)surface.Length;
            surface.CopyTo(chars.AsSpan(at));
            at += surface.Length;
            readingLength[k] = (byte)reading.Length;
            reading.CopyTo(chars.AsSpan(at));
            at += reading.Length;
        }

        return new ReadingDictionary(chars, surfaceStart, surfaceLength, readingLength, surfaceCount, source);
    }

    // The readings of one surface are the last entries kept (entries arrive sorted by surface); IPADIC has at most a few.
    private static bool HasReading(List<(string Surface, string Reading)> kept, string surface, string reading, out bool surfaceKnown)
    {
        surfaceKnown = false;
        for (var k = kept.Count - 1; k >= 0 && string.Equals(kept[k].Surface, surface, StringComparison.Ordinal); k--)
        {
            surfaceKnown = true;
            if (string.Equals(kept[k].Reading, reading, StringComparison.Ordinal))
                return true;
        }

        return false;
    }

    /// <summary>
    /// The longest entry whose surface starts <paramref name="text"/> at <paramref name="start"/>: its length and reading,
    /// or length 0. An entry that ends where a word ends (<paramref name="isWordEnd"/>) beats a longer one that ends inside
    /// a word, so that a lookup does not read across the words ICU found. <paramref name="wordEnds"/>[i] says whether a
    /// word ends before <c>text[i]</c>; empty when the words are not known.
    /// </summary>
    public int LongestMatch(scoped ReadOnlySpan<char> text, int start, scoped ReadOnlySpan<bool> wordEnds, out ReadOnlySpan<char> reading)
    {
        var length = LongestMatchEntries(text, start, wordEnds, out var entries);
        reading = length == 0 ? default : ReadingOf(entries.Start.Value);
        return length;
    }

    /// <summary>
    /// As <see cref="LongestMatch(ReadOnlySpan{char}, int, ReadOnlySpan{bool}, out ReadOnlySpan{char})"/>, giving the
    /// entries of every reading of the matched surface (lowest cost first; read each with <see cref="ReadingOf"/>).
    /// </summary>
    public int LongestMatchEntries(scoped ReadOnlySpan<char> text, int start, scoped ReadOnlySpan<bool> wordEnds, out Range entries)
    {
        entries = default;
        if (IsEmpty)
            return 0;
        var low = _firstStart[text[start]];
        var high = _firstStart[text[start] + 1];
        var best = -1;
        var bestEnd = -1;
        var bestLength = 0;
        var bestAtWordEnd = false;
        for (var k = 1; low < high; k++)
        {
            // Within [low, high) every surface starts with text[start..start+k); the entries of exactly that length
            // (one per reading of that surface) sort first.
            if (_surfaceLength[low] == k)
            {
                var first = low;
                while (low < high && _surfaceLength[low] == k)
                    low++;
                var atWordEnd = wordEnds.IsEmpty || wordEnds[start + k];
                if (atWordEnd || !bestAtWordEnd)
                {
                    best = first;
                    bestEnd = low;
                    bestLength = k;
                    bestAtWordEnd = atWordEnd;
                }
            }

            if (start + k >= text.Length)
                break;
            var next = text[start + k];
            (low, high) = (LowerBound(low, high, k, next), LowerBound(low, high, k, (char)(next + 1), next == char.MaxValue));
        }

        if (best < 0)
            return 0;
        entries = best..bestEnd;
        return bestLength;
    }

    /// <summary>The reading (hiragana) of entry <paramref name="entry"/>, one of those a longest match gives.</summary>
    public ReadOnlySpan<char> ReadingOf(int entry) => _chars.AsSpan(_surfaceStart[entry] + _surfaceLength[entry], _readingLength[entry]);

    // The first entry in [low, high) whose character at position k is at least c (all surfaces there are longer than k).
    private int LowerBound(int low, int high, int k, char c, bool beyondAll = false)
    {
        if (beyondAll)
            return high;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (_chars[_surfaceStart[mid] + k] < c)
                low = mid + 1;
            else
                high = mid;
        }

        return low;
    }
}
