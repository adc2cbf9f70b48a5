using System.Text.RegularExpressions;

namespace ConversationHub.Faq.Search.Service;

/// <summary>Plain text of a Markdown answer for indexing and snippets (links keep their text, markup goes).</summary>
internal static partial class MarkdownText
{
    public static string ToPlainText(string markdown)
    {
        var text = LinkPattern().Replace(markdown, "$1");
        text = MarkupPattern().Replace(text, "");
        return WhitespacePattern().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"!?\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"(^|\n)\s*(#{1,6}|[-*+]|\d+\.|>)\s+|\*\*|__|`+|~~")]
    private static partial Regex MarkupPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
