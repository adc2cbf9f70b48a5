using System.Globalization;
using System.Text;

namespace ConversationHub.Faq.Search.Analysis;

/// <summary>
/// Rewrites kanji numerals as Arabic digits where they count something (三丁目 → 3丁目, 十四日 → 14日), so that
/// addresses and deadlines match however they were typed. Numerals inside words (一般, 統一, 一時保育, 十分)
/// stay as they are: only a run followed by a counter is rewritten, and for the counters that also end
/// ordinary words (統一日, 万一年) only when no other kanji but 第 comes before it.
/// </summary>
internal static class KanjiNumerals
{
    // Counters that only ever count: 西立花町三丁目 is an address even after the kanji 町.
    private static readonly string[] StrongCounters = ["丁目", "番地", "号", "階", "歳", "か月", "円", "件"];

    // 時, 分, 番 and 部 are left out on purpose: 一時 (temporary), 十分 (enough), 一番 (most), 一部 (part).
    private static readonly string[] WeakCounters =
        ["才", "日", "月", "年", "回", "人", "枚", "通", "週", "か所", "級", "割", "名", "条"];

    public static bool IsNumeral(char c) => Value(c) >= 0 || c is '十' or '百' or '千';

    public static string Rewrite(string text)
    {
        var first = IndexOfNumeral(text, 0);
        if (first < 0)
            return text;

        var builder = new StringBuilder(text.Length);
        var copied = 0;
        for (var i = first; i >= 0 && i < text.Length; i = IndexOfNumeral(text, i))
        {
            var end = i;
            while (end < text.Length && IsNumeral(text[end]))
                end++;

            var precededByWord = i > 0 && CharClass.Of(text[i - 1]) == CharKind.Kanji && text[i - 1] != '第';
            var rest = text.AsSpan(end);
            if (StartsWithAny(rest, StrongCounters) || (!precededByWord && StartsWithAny(rest, WeakCounters)))
            {
                builder.Append(text, copied, i - copied);
                builder.Append(Parse(text.AsSpan(i, end - i)).ToString(CultureInfo.InvariantCulture));
                copied = end;
            }

            i = end;
        }

        builder.Append(text, copied, text.Length - copied);
        return builder.ToString();
    }

    /// <summary>Positional (二十三, 千二百) or digit-by-digit (二〇一九) kanji numerals.</summary>
    internal static long Parse(ReadOnlySpan<char> numeral)
    {
        if (numeral.IndexOfAny('十', '百', '千') < 0)
        {
            long digits = 0;
            foreach (var c in numeral)
                digits = (digits * 10) + Value(c);
            return digits;
        }

        long total = 0;
        long current = 0;
        foreach (var c in numeral)
        {
            var multiplier = c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 0 };
            if (multiplier == 0)
            {
                current = Value(c);
                continue;
            }

            total += (current == 0 ? 1 : current) * multiplier;
            current = 0;
        }

        return total + current;
    }

    private static int Value(char c) => c switch
    {
        '〇' or '零' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => -1,
    };

    private static int IndexOfNumeral(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (IsNumeral(text[i]))
                return i;
        }

        return -1;
    }

    private static bool StartsWithAny(ReadOnlySpan<char> rest, string[] counters)
    {
        foreach (var counter in counters)
        {
            if (rest.StartsWith(counter, StringComparison.Ordinal))
                return true;
        }

        return false;
    }
}
