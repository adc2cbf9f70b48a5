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

    [Fact]
    public void Highlight_SynonymTheQueryBroughtIn_MarksThePhraseNotItsWords()
    {
        // Arrange: what FaqSearchService.SynonymPhrases gives for マイナンバーカード (normalised, reading-folded).
        var highlighter = new SearchHighlighter("マイナンバーカード", Encoder, ["個人番号かーど"]);

        // Act
        var html = Render(highlighter.Highlight("個人番号カードの申請と、個人の番号"));

        // Assert
        Assert.Equal("<mark>個人番号カード</mark>の申請と、個人の番号", html);
    }

    [Fact]
    public void Highlight_HiraganaQueryMatchedThroughSynonym_MarksTheKanji()
    {
        var highlighter = new SearchHighlighter("じゅうみんひょう", Encoder, ["住民票"]);

        var html = Render(highlighter.Highlight("住民票の写しはどこで取れますか？"));

        Assert.Equal("<mark>住民票</mark>の写しはどこで取れますか？", html);
    }

    [Theory]
    [InlineData("引っ越し", "引越しの手続きと引っ越しの届出", "<mark>引越し</mark>の手続きと<mark>引っ越し</mark>の届出")]
    [InlineData("申込み", "申し込みは窓口で", "<mark>申し込み</mark>は窓口で")]
    public void Highlight_OtherSpellingOfTheWord_IsMarked(string query, string text, string expected)
    {
        var highlighter = new SearchHighlighter(query, Encoder);

        var html = Render(highlighter.Highlight(text));

        Assert.Equal(expected, html);
    }
}
