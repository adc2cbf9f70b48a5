using System.Runtime.CompilerServices;
using System.Text;

namespace ConversationHub.Faq.Search.Analysis;

/// <summary>
/// Text normalisation for search, in two steps. <see cref="Normalize"/> keeps the script (ICU's dictionary
/// segmentation needs katakana to stay katakana); <see cref="FoldReading"/> then folds each token for
/// matching.
/// </summary>
internal static class JapaneseNormalizer
{
    /// <summary>
    /// NFKC (half-width katakana, full-width digits and Latin), lower case, dashes after kana as the
    /// long-vowel mark, iteration marks (々 ゝ ヽ) expanded, spelling variants unified, counted kanji
    /// </summary>
    // PERF: a rebuild runs this once, cold; tier-0 code would make the first build several times slower.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(normalized.Length);
        foreach (var raw in normalized)
        {
            // PERF: char.ToLowerInvariant calls into ICU for every non-ASCII character; kana, CJK symbols and
            // ideographs (U+3000-U+9FFF, most of a Japanese text) have no case, so they skip it.
            var c = raw is >= '\u3000' and <= '\u9FFF' ? raw : char.ToLowerInvariant(raw);
            var previous = builder.Length > 0 ? builder[^1] : '\0';
            var previousKind = CharClass.Of(previous);
            switch (c)
            {
                case '々' or '〻' when previousKind == CharKind.Kanji:
                case 'ゝ' when previousKind == CharKind.Hiragana:
                case 'ヽ' when previousKind == CharKind.Katakana:
                    builder.Append(previous);
                    break;
                case '-' or '‐' or '‑' or '–' or '—' or '―' or '~' or '〜'
                    when previousKind is CharKind.Katakana or CharKind.Hiragana:
                    builder.Append(CharClass.LongVowelMark);
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        var text2 = builder.ToString();
        text2 = OrthographicVariants.Rewrite(text2);
        text2 = KanjiNumerals.Rewrite(text2);
        return text2;
    }

    /// <summary>
    /// Folds katakana to hiragana and drops the long-vowel mark at the end of a kana word of three or more
    /// letters (コンピューター = コンピュータ, サーバー = サーバ, after JIS Z 8301's loanword rule).
    /// </summary>
    // PERF: a rebuild runs this once, cold; tier-0 code would make the first build several times slower.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string FoldReading(ReadOnlySpan<char> text)
    {
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        return new string(buffer[..FoldReading(text, buffer)]);
    }

    /// <summary>As <see cref="FoldReading(ReadOnlySpan{char})"/>, into <paramref name="buffer"/> (at least as long as the text); returns the length.</summary>
    // PERF: a rebuild runs this once, cold; tier-0 code would make the first build several times slower.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int FoldReading(ReadOnlySpan<char> text, Span<char> buffer)
    {
        var length = 0;
        var runLength = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var kind = CharClass.Of(c);
            runLength = kind is CharKind.Katakana or CharKind.Hiragana ? runLength + 1 : 0;
            if (c == CharClass.LongVowelMark && runLength >= 4 && (i + 1 == text.Length || !IsKana(text[i + 1])))
                continue;

            buffer[length++] = c is >= '\u30A1' and <= '\u30F6' ? (char)(c - 0x60) : c;
        }

        return length;
    }

    private static bool IsKana(char c) => CharClass.Of(c) is CharKind.Katakana or CharKind.Hiragana;
}
