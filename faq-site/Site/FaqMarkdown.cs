using System.Text;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ConversationHub.Faq.Site;

/// <summary>
/// Renders answers written in Markdown for citizens. Raw HTML is never passed through (it is escaped), links
/// other than http(s), mailto, tel and site-relative ones are dropped, external links get <c>rel="noopener"</c>,
/// and answer headings start at h2 because the page's h1 is the question.
/// </summary>
/// <remarks>
/// Only extensions that cannot add attributes are enabled: Markdig's "advanced" set includes generic
/// attributes (<c>{onclick=…}</c>), which would reopen the door that <c>DisableHtml</c> closes.
/// </remarks>
internal static class FaqMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        // Editors write one sentence per line, as in a Word document; show the line breaks they see.
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    public static string ToHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(heading.Level + 1, 6);
        }

        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsAllowedUrl(link.Url))
            {
                link.Url = "";
            }
            else if (IsExternal(link.Url))
            {
                link.GetAttributes().AddPropertyIfNotExist("rel", "noopener");
            }
        }

        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>The answer as one line of plain text, cut at <paramref name="maxLength"/> characters with "…".</summary>
    public static string ToSummary(string markdown, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var plain = Markdown.ToPlainText(markdown, Pipeline);
        var text = new StringBuilder(plain.Length);
        foreach (var c in plain)
        {
            if (char.IsWhiteSpace(c))
            {
                if (text.Length > 0 && text[^1] != ' ')
                {
                    text.Append(' ');
                }
            }
            else
            {
                text.Append(c);
            }
        }

        var summary = text.ToString().Trim();
        if (summary.Length <= maxLength)
        {
            return summary;
        }

        // Do not split a surrogate pair (rare kanji such as 𠮷 are outside the BMP).
        var cut = char.IsHighSurrogate(summary[maxLength - 1]) ? maxLength - 1 : maxLength;
        return summary[..cut] + "…";
    }

    internal static bool IsAllowedUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }

        if (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
        {
            return true;
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeMailto
                || string.Equals(uri.Scheme, "tel", StringComparison.Ordinal));
    }

    internal static bool IsExternal(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
