using System.Globalization;
using System.Text;

namespace ConversationHub.Faq.Search.Service;

/// <summary>
/// Cleans a query as typed before it reaches analysis: control and invisible formatting characters (including
/// bidi overrides and zero-width spaces) are dropped, except the zero-width joiner inside emoji; unpaired
/// surrogates are dropped (Unicode normalisation throws on them); whitespace runs become one space.
/// </summary>
internal static class SearchQueryText
{
    /// <summary>
    /// The longest query accepted, in UTF-16 code units as received: room for a pasted paragraph around the real
    /// question (citizens write 「先月引っ越してきたばかりで…」 before asking); past it the text is a letter, which search
    /// cannot answer and which may hold personal details, so the site and the APIs refuse it with a 400.
    /// </summary>
    public const int MaxLength = 1000;

    /// <summary>
    /// The request line the host must accept so that a 10,000-character query still reaches the search page's
    /// Japanese 400 instead of Kestrel's bare 414: 9 bytes per character percent-encoded (3 UTF-8 bytes each), plus
    /// the path and the other parameters. Longer lines are still refused by Kestrel.
    /// </summary>
    public const int MaxRequestLineBytes = 96 * 1024;

    private const char ZeroWidthJoiner = '\u200D';

    public static string Clean(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
            return "";

        var builder = new StringBuilder(raw.Length);
        var pendingSpace = false;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (char.IsHighSurrogate(c) && i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1]))
            {
                AppendPendingSpace(builder, ref pendingSpace);
                builder.Append(c).Append(raw[++i]);
                continue;
            }

            if (char.IsSurrogate(c))
                continue;
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                // A newline or tab pasted into the box separates words like a space does.
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format && c != ZeroWidthJoiner)
                continue;
            AppendPendingSpace(builder, ref pendingSpace);
            builder.Append(c);
        }

        return builder.ToString();
    }

    private static void AppendPendingSpace(StringBuilder builder, ref bool pendingSpace)
    {
        if (pendingSpace)
            builder.Append(' ');
        pendingSpace = false;
    }
}
