using System.Text.RegularExpressions;

namespace ConversationHub.Faq.Search.Misses;

/// <summary>
/// Removes what could identify a citizen from a search query before it is stored: URLs, e-mail addresses and
/// runs of four or more digits (phone numbers, マイナンバー, postal codes, account numbers) each become one ＊.
/// Digits are matched in any script (half- and full-width) and across the separators people type inside numbers
/// (090-1234-5678, 〒123-4567, ０９０ １２３４), so a number cannot slip through in pieces of three.
/// The result is cut to <see cref="FaqSearchMiss.MaxQueryLength"/> characters.
/// </summary>
internal static partial class SearchQueryMasker
{
    public const string Mask = "＊";

    public static string Apply(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        // Cut first (with slack for masks that shorten the text) so a huge input costs nothing to scan.
        var text = query.Length > FaqSearchMiss.MaxQueryLength * 4 ? query[..(FaqSearchMiss.MaxQueryLength * 4)] : query;
        // E-mail first: its domain would otherwise be taken for a URL and leave the local part behind.
        text = EmailPattern().Replace(text, Mask);
        text = UrlPattern().Replace(text, Mask);
        text = NumberPattern().Replace(text, m => CountDigits(m.ValueSpan) >= 4 ? Mask : m.Value);
        text = text.Trim();
        return text.Length <= FaqSearchMiss.MaxQueryLength ? text : text[..FaqSearchMiss.MaxQueryLength];
    }

    private static int CountDigits(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (char.IsDigit(c))
                count++;
        }

        return count;
    }

    [GeneratedRegex(@"(?:https?://|www\.)\S+|[a-z0-9.\-]+\.(?:jp|com|net|org|info|biz)\b(?:/\S*)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex UrlPattern();

    // Full-width ＠ and ． too: phones type them when the keyboard is in Japanese mode.
    [GeneratedRegex(@"[a-z0-9._%+\-ａ-ｚＡ-Ｚ０-９]+[@＠][a-z0-9.\-ａ-ｚＡ-Ｚ０-９．]+[.．][a-zａ-ｚＡ-Ｚ]{2,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex EmailPattern();

    // A number as typed: digits, possibly split by spaces, hyphens, dots, parentheses or their full-width forms.
    [GeneratedRegex(@"\d(?:[\s\-‐－ー−.．()（）]*\d)*", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex NumberPattern();
}
