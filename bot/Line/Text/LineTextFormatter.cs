using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ConversationHub.Bot.Line.Text;

/// <summary>
/// Turns the bot's Markdown into LINE's plain text through Markdig's syntax tree: links as "text (URL)" (or the
/// URL alone when the text is the URL), list items as lines, emphasis and headings as plain text. A text over the
/// limit is cut after the last full sentence (。！？) and ends with a link to the page that has the rest.
/// </summary>
internal static class LineTextFormatter
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();
    private static readonly char[] SentenceEnds = ['。', '！', '？', '!', '?'];

    /// <param name="markdown">The activity's text (Markdown).</param>
    /// <param name="maxLength">The longest text to return, in UTF-16 code units.</param>
    /// <param name="siteBaseUrl">The FAQ site's public origin (site links get absolute and marked).</param>
    /// <param name="readMoreLabel">The words before the link that ends a cut text (「続きはこちら」).</param>
    public static string Format(string markdown, int maxLength, string? siteBaseUrl, string readMoreLabel)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var links = new List<string>();
        var text = new StringBuilder();
        foreach (var block in Markdown.Parse(markdown, Pipeline))
        {
            var rendered = RenderBlock(block, siteBaseUrl, links, "").TrimEnd();
            if (rendered.Length > 0)
            {
                text.Append(text.Length > 0 ? "\n\n" : "").Append(rendered);
            }
        }

        return Cut(text.ToString(), maxLength, links.Find(l => siteBaseUrl is not null && l.Contains(LineLinks.Marker, StringComparison.Ordinal))
            ?? (siteBaseUrl is null ? null : LineLinks.Rewrite(siteBaseUrl.TrimEnd('/') + "/", siteBaseUrl)), readMoreLabel);
    }

    /// <summary>Cuts <paramref name="text"/> after the last sentence that fits, then adds the label and link.</summary>
    public static string Cut(string text, int maxLength, string? moreLink, string readMoreLabel)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= maxLength)
        {
            return text;
        }

        var tail = moreLink is null ? "…" : $"…\n\n{readMoreLabel} {moreLink}";
        var room = Math.Max(0, maxLength - tail.Length);
        var end = text.LastIndexOfAny(SentenceEnds, Math.Max(0, room - 1));
        var kept = end > 0 ? text[..(end + 1)] : text[..room];
        return kept.TrimEnd() + tail;
    }

    private static string RenderBlock(Block block, string? site, List<string> links, string indent) => block switch
    {
        ListBlock list => RenderList(list, site, links, indent),
        HtmlBlock => "",
        LeafBlock { Inline: { } inline } => RenderInlines(inline, site, links),
        LeafBlock leaf => leaf.Lines.ToString(),
        ContainerBlock container => string.Join("\n", container.Select(b => RenderBlock(b, site, links, indent)).Where(s => s.Length > 0)),
        _ => "",
    };

    private static string RenderList(ListBlock list, string? site, List<string> links, string indent)
    {
        var lines = new List<string>();
        var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var bullet = list.IsOrdered ? $"{number++}. " : "・";
            var parts = item.Select(b => b is ListBlock nested
                ? "\n" + RenderList(nested, site, links, indent + "  ")
                : RenderBlock(b, site, links, indent));
            lines.Add(indent + bullet + string.Concat(parts).Trim('\n'));
        }

        return string.Join("\n", lines);
    }

    private static string RenderInlines(ContainerInline container, string? site, List<string> links)
    {
        var text = new StringBuilder();
        foreach (var inline in container)
        {
            AppendInline(text, inline, site, links);
        }

        return text.ToString();
    }

    private static void AppendInline(StringBuilder text, Inline inline, string? site, List<string> links)
    {
        switch (inline)
        {
            case LiteralInline literal:
                text.Append(literal.Content.ToString());
                break;
            case CodeInline code:
                text.Append(code.Content);
                break;
            case LineBreakInline:
                text.Append('\n');
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.ToString());
                break;
            case AutolinkInline autolink:
                text.Append(Link(autolink.IsEmail ? autolink.Url : LineLinks.Rewrite(autolink.Url, site), links));
                break;
            case LinkInline link:
                var label = RenderInlines(link, site, links).Trim();
                var url = link.Url is { Length: > 0 } u ? Link(LineLinks.Rewrite(u, site), links) : "";
                text.Append(url.Length == 0 ? label
                    : link.IsImage || label.Length == 0 || string.Equals(label, link.Url, StringComparison.Ordinal) || string.Equals(label, url, StringComparison.Ordinal) ? url
                    : $"{label} ({url})");
                break;
            case ContainerInline children:
                // Emphasis and the like: keep the words, drop the markup.
                text.Append(RenderInlines(children, site, links));
                break;
            default:
                // Raw HTML is not shown on LINE.
                break;
        }
    }

    private static string Link(string url, List<string> links)
    {
        links.Add(url);
        return url;
    }
}
