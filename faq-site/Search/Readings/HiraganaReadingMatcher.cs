using System.Text;
using ConversationHub.Faq.Search.Analysis;

namespace ConversationHub.Faq.Search.Readings;

/// <summary>
/// Finds the kanji words of a text whose reading a query spelled in hiragana (じゅうみんひょう: 住民票; ごみのだしかた:
/// 出し方), so that the results page can show why a kanji FAQ was found. The text is read as the index reads it
/// (<see cref="ReadingTranscriber.ReadWords"/>: the same dictionary, longest match within ICU's words), but every
/// reading of a word counts, not only the one transcription picks.
/// <para>
/// A match is a run of whole dictionary words, next to each other in the text, of at least <see cref="MinSurfaceLength"/>
/// written characters, whose readings joined appear in one of the query's kana runs: as a piece of at least
/// <see cref="MinReadingLength"/> kana, or as the whole run, that neither starts nor ends inside a syllable (中止 ちゅうし
/// is not in ちゅうしゃ). A one-character word counts with its commonest reading only (者 as しゃ, not もの, which would
/// read 者医療 into こどものいりょうひ). The query's kana runs count only when they hold hiragana, as the index weighs a
/// query's reading terms by its hiragana share (<see cref="KanaShare"/>): kanji a citizen typed match kanji as they are,
/// and homophones (市長, 市町) are not marked for them.
/// </para>
/// </summary>
internal sealed class HiraganaReadingMatcher
{
    /// <summary>
    /// Hiragana queries come unsegmented, so a reading may match across the citizen's words: two kana do so too often
    /// (行く いく inside ほいくえん, 以下 いか inside しはらいかた), three rarely. A shorter reading that is the whole kana run
    /// (かじ: 火事) still matches.
    /// </summary>
    public const int MinReadingLength = 3;

    /// <summary>
    /// A one-character word has many short readings (方: かた, ほう, がた; 中: なか, ちゅう) that turn up inside most long
    /// hiragana queries; alone it would mark half the page. It matches with its neighbours (出し方) or its okurigana (出し).
    /// </summary>
    public const int MinSurfaceLength = 2;

    // A one-kana run is a particle between kanji the citizen typed (住民票の写し); no reading matches it alone.
    private const int MinPieceLength = 2;

    private readonly ReadingDictionary _dictionary;
    private readonly string[] _pieces;

    /// <param name="dictionary">The node's reading dictionary (empty: nothing ever matches).</param>
    /// <param name="query">The query as the citizen typed it.</param>
    public HiraganaReadingMatcher(ReadingDictionary dictionary, string query)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        ArgumentNullException.ThrowIfNull(query);
        _dictionary = dictionary;
        _pieces = dictionary.IsEmpty ? [] : [.. KanaRuns(query.Normalize(NormalizationForm.FormKC))
            .Where(run => KanaShare.Of(run) > 0)
            .Select(run => JapaneseNormalizer.FoldReading(run))
            .Where(piece => piece.Length >= MinPieceLength)
            .Distinct(StringComparer.Ordinal)];
    }

    /// <summary>False when nothing can match (no dictionary, or no hiragana in the query): callers skip the work.</summary>
    public bool IsActive => _pieces.Length > 0;

    /// <summary>The query's hiragana runs, reading-folded, that text readings are matched against.</summary>
    public IReadOnlyList<string> Pieces => _pieces;

    /// <summary>
    /// Sets <paramref name="marked"/>[i] for each character of <paramref name="text"/> inside a match. The text is NFKC
    /// (and lower-cased), in its own script: the dictionary's surfaces are as they are written.
    /// </summary>
    public void Mark(string text, Span<bool> marked)
    {
        ArgumentNullException.ThrowIfNull(text);
        // PERF: segmentation is most of the cost, and a text without kanji has no dictionary word to read.
        if (!IsActive || !text.Any(c => CharClass.Of(c) == CharKind.Kanji))
            return;
        var words = WordsOf(text);
        var states = new List<(int Piece, int Start, int End)>();
        var next = new List<(int Piece, int Start, int End)>();
        for (var first = 0; first < words.Count; first++)
        {
            states.Clear();
            StartRuns(words[first].Entries, states);
            for (var last = first; states.Count > 0; last++)
            {
                var surfaceLength = words[last].Start + words[last].Length - words[first].Start;
                if (surfaceLength >= MinSurfaceLength && states.Exists(IsWholeMatch))
                    marked[words[first].Start..(words[last].Start + words[last].Length)].Fill(true);
                if (last + 1 == words.Count || words[last + 1].Start != words[last].Start + words[last].Length)
                    break;
                next.Clear();
                ExtendRuns(states, words[last + 1].Entries, next);
                (states, next) = (next, states);
            }
        }
    }

    private List<(int Start, int Length, Range Entries)> WordsOf(string text)
    {
        var segments = new List<(int Start, int Length)>();
        IcuWordSegmenter.Segment(text, segments);
        var words = new List<(int Start, int Length, Range Entries)>();
        ReadingTranscriber.ReadWords(_dictionary, text, segments, words);
        for (var w = 0; w < words.Count; w++)
        {
            // A one-character word keeps its commonest reading only (see the remarks above).
            if (words[w].Length == 1)
                words[w] = words[w] with { Entries = words[w].Entries.Start..(words[w].Entries.Start.Value + 1) };
        }

        return words;
    }

    private bool IsWholeMatch((int Piece, int Start, int End) run)
    {
        var piece = _pieces[run.Piece];
        return (run.End - run.Start >= MinReadingLength || (run.Start == 0 && run.End == piece.Length))
            && !ContinuesSyllable(piece[run.Start])
            && (run.End == piece.Length || !ContinuesSyllable(piece[run.End]));
    }

    // Small kana and the long-vowel mark belong to the syllable before them (しゃ, きょう, ちゅー).
    private static bool ContinuesSyllable(char kana) => kana is 'ぁ' or 'ぃ' or 'ぅ' or 'ぇ' or 'ぉ' or 'ゃ' or 'ゅ' or 'ょ' or 'ゎ' or CharClass.LongVowelMark;

    // Every place in the query's pieces where one of the word's readings occurs starts a run.
    private void StartRuns(Range entries, List<(int Piece, int Start, int End)> states)
    {
        for (var p = 0; p < _pieces.Length; p++)
        {
            for (var entry = entries.Start.Value; entry < entries.End.Value; entry++)
            {
                var reading = _dictionary.ReadingOf(entry);
                for (var at = _pieces[p].AsSpan().IndexOf(reading, StringComparison.Ordinal); at >= 0;)
                {
                    states.Add((p, at, at + reading.Length));
                    var further = _pieces[p].AsSpan(at + 1).IndexOf(reading, StringComparison.Ordinal);
                    at = further < 0 ? -1 : at + 1 + further;
                }
            }
        }
    }

    // A run goes on where one of the next word's readings follows it in the query.
    private void ExtendRuns(List<(int Piece, int Start, int End)> states, Range entries, List<(int Piece, int Start, int End)> next)
    {
        foreach (var (piece, start, end) in states)
        {
            for (var entry = entries.Start.Value; entry < entries.End.Value; entry++)
            {
                var reading = _dictionary.ReadingOf(entry);
                if (_pieces[piece].AsSpan(end).StartsWith(reading, StringComparison.Ordinal))
                    next.Add((piece, start, end + reading.Length));
            }
        }
    }

    private static IEnumerable<string> KanaRuns(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var kana = i < text.Length && CharClass.Of(text[i]) is CharKind.Hiragana or CharKind.Katakana;
            if (kana && start < 0)
                start = i;
            else if (!kana && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }
}
