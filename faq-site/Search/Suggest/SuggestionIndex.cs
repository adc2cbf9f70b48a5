using ConversationHub.Faq.Search.Analysis;
using ConversationHub.Faq.Search.Readings;

namespace ConversationHub.Faq.Search.Suggest;

/// <summary>
/// Prefix suggestions on reading-folded text (NFKC, katakana as hiragana), so ｼﾞｭｳﾐﾝ, ジュウミン and じゅうみん
/// all find じゅうみん…; with a reading dictionary, kanji are also matched by their reading (じゅうみ finds 住民票の写し),
/// and always as written. A source is found from its start or from the start of any ICU word in it (住民票 finds
/// コンビニで住民票を取りたい);
/// matches from the start rank first, then by popularity, then shorter texts. Immutable: rebuild and swap.
/// </summary>
internal sealed class SuggestionIndex
{
    public const int MaxSuggestions = 8;

    // PERF: bounds the scan for one- or two-letter prefixes, which can match thousands of keys.
    private const int MaxScannedKeys = 4096;

    // Word starts deep in a long text add keys that nobody types towards.
    private const int MaxWordStartsPerSource = 12;

    private readonly string[] _keys;
    private readonly int[] _sourceOfKey;
    private readonly bool[] _keyAtStart;
    private readonly SuggestionSource[] _sources;

    private SuggestionIndex(string[] keys, int[] sourceOfKey, bool[] keyAtStart, SuggestionSource[] sources)
    {
        _keys = keys;
        _sourceOfKey = sourceOfKey;
        _keyAtStart = keyAtStart;
        _sources = sources;
    }

    public static SuggestionIndex Build(IEnumerable<SuggestionSource> sources, ReadingDictionary? readings = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        readings ??= ReadingDictionary.Empty;
        var all = sources.Where(s => !string.IsNullOrWhiteSpace(s.Text)).ToArray();
        var entries = new List<(string Key, int Source, bool AtStart)>(all.Length * 8);
        var words = new List<(int Start, int Length)>();
        var writtenKeys = new Dictionary<int, string>();
        for (var i = 0; i < all.Length; i++)
        {
            var normalized = JapaneseNormalizer.Normalize(all[i].Text.Trim());
            writtenKeys.Clear();
            var fromStart = JapaneseNormalizer.FoldReading(normalized);
            writtenKeys[0] = fromStart;
            entries.Add((fromStart, i, true));
            words.Clear();
            IcuWordSegmenter.Segment(normalized, words);
            for (var w = 0; w < words.Count && w < MaxWordStartsPerSource; w++)
            {
                if (words[w].Start > 0)
                {
                    var key = JapaneseNormalizer.FoldReading(normalized.AsSpan(words[w].Start));
                    writtenKeys[words[w].Start] = key;
                    entries.Add((key, i, false));
                }
            }

            if (!readings.IsEmpty)
                AddReadingKeys(readings, normalized, words, writtenKeys, i, entries);
        }

        entries.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        var keys = new string[entries.Count];
        var sourceOfKey = new int[entries.Count];
        var keyAtStart = new bool[entries.Count];
        for (var e = 0; e < entries.Count; e++)
            (keys[e], sourceOfKey[e], keyAtStart[e]) = entries[e];
        return new SuggestionIndex(keys, sourceOfKey, keyAtStart, all);
    }

    // The same keys by reading, where reading changes them (a source without kanji reads as it is written);
    // writtenKeys holds the keys as written by start (PERF: compared, not folded again).
    private static void AddReadingKeys(
        ReadingDictionary readings,
        string normalized,
        List<(int Start, int Length)> words,
        Dictionary<int, string> writtenKeys,
        int source,
        List<(string, int, bool)> entries)
    {
        if (words.Count > MaxWordStartsPerSource)
            words.RemoveRange(MaxWordStartsPerSource, words.Count - MaxWordStartsPerSource);
        foreach (var (start, key) in ReadingTranscriber.ReadingsFromStarts(readings, normalized, words))
        {
            if (!string.Equals(key, writtenKeys[start], StringComparison.Ordinal))
                entries.Add((key, source, start == 0));
        }
    }

    public IReadOnlyList<Suggestion> Suggest(string typed, int max = MaxSuggestions)
    {
        ArgumentNullException.ThrowIfNull(typed);
        max = Math.Clamp(max, 0, MaxSuggestions);
        var prefix = JapaneseNormalizer.FoldReading(JapaneseNormalizer.Normalize(typed.Trim()));
        if (prefix.Length == 0 || max == 0)
            return [];

        // Best match per source: at the start beats inside.
        var best = new Dictionary<int, bool>();
        var scanned = 0;
        for (var i = LowerBound(prefix); i < _keys.Length && scanned < MaxScannedKeys; i++, scanned++)
        {
            if (!_keys[i].StartsWith(prefix, StringComparison.Ordinal))
                break;
            var source = _sourceOfKey[i];
            best[source] = _keyAtStart[i] || (best.TryGetValue(source, out var atStart) && atStart);
        }

        return best
            .OrderByDescending(b => b.Value)
            .ThenByDescending(b => _sources[b.Key].Popularity)
            .ThenBy(b => _sources[b.Key].Text.Length)
            .ThenBy(b => b.Key)
            .DistinctBy(b => _sources[b.Key].Text, StringComparer.Ordinal)
            .Take(max)
            .Select(b => new Suggestion(_sources[b.Key].Text, _sources[b.Key].Kind, _sources[b.Key].FaqId))
            .ToArray();
    }

    private int LowerBound(string prefix)
    {
        int low = 0, high = _keys.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (string.CompareOrdinal(_keys[mid], prefix) < 0)
                low = mid + 1;
            else
                high = mid;
        }

        return low;
    }
}
