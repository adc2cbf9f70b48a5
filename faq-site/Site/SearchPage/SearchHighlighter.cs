using System.Text;
using System.Text.Encodings.Web;
using ConversationHub.Faq.Search.Analysis;
using ConversationHub.Faq.Search.Readings;
using Microsoft.AspNetCore.Html;

namespace ConversationHub.Faq.Site.SearchPage;

/// <summary>
/// Marks a query's words in a result (<c>&lt;mark&gt;</c>). The words come from the search analyser, so what is
/// marked is what matched: particles are not marked, and ｼﾞｭｳﾐﾝ or ジュウミン mark じゅうみん. Matching runs on a
/// folded copy of the text (NFKC, lower case, katakana as hiragana) built one character at a time with a map back
/// to the original, so the original characters are shown. With the node's reading dictionary, a kanji word whose
/// reading the query spelled in hiragana is marked too (じゅうみんひょう marks 住民票; see <see cref="HiraganaReadingMatcher"/>
/// for what counts). Every piece of text is HTML-encoded before the marks go around it; nothing of the query or the FAQ
/// reaches the page unencoded.
/// </summary>
internal sealed class SearchHighlighter
{
    // Single Latin letters or digits would mark half the page.
    private const int MinLatinTermLength = 2;

    // Only the query's words are needed here, never its reading: an analyser made with the default lexicon path would
    // load a second copy of the lexicon (or one a node configured off).
    private static readonly JapaneseAnalyzer _analyzer = new(AnalyzerOptions.Default, ReadingDictionary.Empty);

    private readonly string[] _terms;
    private readonly HiraganaReadingMatcher _readings;
    private readonly HtmlEncoder _encoder;

    /// <param name="query">The query as the citizen typed it.</param>
    /// <param name="encoder">The app's encoder (configured to leave Japanese as is), so pages stay readable and small.</param>
    /// <param name="synonyms">
    /// Synonyms the query brought into the search, normalised and reading-folded (マイナンバーカード brings 個人番号かーど): a
    /// result found through one shows it marked. Marked as whole phrases, never word by word.
    /// </param>
    /// <param name="readings">
    /// The node's reading dictionary (the singleton search indexes with), to mark kanji words the query spelled in
    /// hiragana; null or empty (readings off) marks the query's own words only.
    /// </param>
    public SearchHighlighter(string query, HtmlEncoder encoder, IEnumerable<string>? synonyms = null, ReadingDictionary? readings = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(encoder);
        _encoder = encoder;
        _readings = new HiraganaReadingMatcher(readings ?? ReadingDictionary.Empty, query);
        var words = new List<string>();
        _analyzer.Analyze(query, words, []);
        // The analyser rewrites spellings (引っ越し → 引越); the text still has the writer's spelling, so both are looked for.
        var spelled = words.Concat(synonyms ?? []).SelectMany(w => OrthographicVariants.SpellingsOf(w).Prepend(w));
        _terms = [.. spelled
            .Select(w => FoldKana(Normalize(w).Normalized))
            .Where(w => w.Length >= MinLatinTermLength || (w.Length > 0 && !IsAsciiLetterOrDigit(w[0])))
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(w => w.Length)];
    }

    public IReadOnlyList<string> Terms => _terms;

    public IHtmlContent Highlight(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var marked = MarkedCharacters(text);
        var html = new StringBuilder(text.Length + 32);
        var start = 0;
        while (start < text.Length)
        {
            var end = start;
            while (end < text.Length && marked[end] == marked[start])
                end++;
            var piece = _encoder.Encode(text[start..end]);
            html.Append(marked[start] ? $"<mark>{piece}</mark>" : piece);
            start = end;
        }

        return new HtmlString(html.ToString());
    }

    /// <summary>For each UTF-16 unit of <paramref name="text"/>, whether it lies in a matched word.</summary>
    private bool[] MarkedCharacters(string text)
    {
        var marked = new bool[text.Length];
        if ((_terms.Length == 0 && !_readings.IsActive) || text.Length == 0)
            return marked;

        var (normalized, origin) = Normalize(text);
        var folded = FoldKana(normalized);
        foreach (var term in _terms)
        {
            for (var at = folded.IndexOf(term, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(term, at + term.Length, StringComparison.Ordinal))
                MarkOriginal(marked, origin, at, term.Length);
        }

        if (_readings.IsActive)
        {
            var read = new bool[normalized.Length];
            _readings.Mark(normalized, read);
            for (var at = 0; at < read.Length; at++)
            {
                if (read[at])
                    MarkOriginal(marked, origin, at, 1);
            }
        }

        // Never split a surrogate pair (emoji) between a mark and plain text.
        for (var i = 1; i < text.Length; i++)
        {
            if (char.IsLowSurrogate(text[i]))
                marked[i] = marked[i - 1];
        }

        return marked;
    }

    /// <summary>Marks the characters of the text that produced <paramref name="length"/> normalised units from <paramref name="at"/>.</summary>
    private static void MarkOriginal(bool[] marked, int[] origin, int at, int length)
    {
        var from = origin[at];
        var to = at + length < origin.Length ? origin[at + length] : marked.Length;
        // A normalised piece may start inside the original character that produced it (NFKC expansions).
        for (var i = from; i < Math.Max(to, from + 1); i++)
            marked[i] = true;
    }

    /// <summary>
    /// The text in NFKC and lower case, script kept (the reading dictionary's surfaces are written so), and for each of
    /// its units the index in <paramref name="text"/> it came from.
    /// </summary>
    private static (string Normalized, int[] Origin) Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var origin = new List<int>(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var length = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            var piece = text.Substring(i, length);
            var normalized = char.IsSurrogate(piece[0]) && length == 1 ? piece : piece.Normalize(NormalizationForm.FormKC);
            foreach (var c in normalized)
            {
                builder.Append(char.ToLowerInvariant(c));
                origin.Add(i);
            }

            i += length;
        }

        return (builder.ToString(), [.. origin]);
    }

    /// <summary>Katakana as hiragana, one unit for one, so the normalised text's origin map holds for the result.</summary>
    private static string FoldKana(string normalized) =>
        string.Create(normalized.Length, normalized, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
                span[i] = source[i] is >= '\u30A1' and <= '\u30F6' ? (char)(source[i] - 0x60) : source[i];
        });

    private static bool IsAsciiLetterOrDigit(char c) => char.IsAsciiLetterOrDigit(c);
}
