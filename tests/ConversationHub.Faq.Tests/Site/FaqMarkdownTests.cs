using ConversationHub.Faq.Site;

namespace ConversationHub.Faq.Tests.Site;

public sealed class FaqMarkdownTests
{
    [Fact]
    public void ToHtml_ScriptInAnswer_IsEscaped()
    {
        // Arrange
        const string answer = "窓口へどうぞ。\n\n<script>alert('x')</script>\n\n<img src=x onerror=alert(1)>";

        // Act
        var html = FaqMarkdown.ToHtml(answer);

        // Assert
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("窓口へどうぞ。", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_JavascriptLink_LosesItsUrl()
    {
        var html = FaqMarkdown.ToHtml("[申請書](javascript:alert(1))");

        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("申請書", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_GenericAttributesSyntax_AddsNoAttribute()
    {
        var html = FaqMarkdown.ToHtml("[リンク](https://example.jp){onclick=\"alert(1)\"}");

        // The braces stay visible as text (escaped); no onclick attribute is made.
        Assert.DoesNotContain("onclick=\"", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("{onclick=&quot;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_ExternalLink_GetsNoopenerAndInternalDoesNot()
    {
        var html = FaqMarkdown.ToHtml("[国税庁](https://www.nta.go.jp/) と [窓口](/category/x)");

        Assert.Contains("<a href=\"https://www.nta.go.jp/\" rel=\"noopener\">", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/category/x\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_Headings_StartBelowThePageHeading()
    {
        var html = FaqMarkdown.ToHtml("# 必要なもの\n\n本人確認書類");

        Assert.Contains("<h2", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h1", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToSummary_LongAnswer_IsPlainOneLineAndCut()
    {
        var answer = "**手数料**は\n\n- 1通300円\n- [コンビニ](https://example.jp)は200円\n\n" + new string('あ', 200);

        var summary = FaqMarkdown.ToSummary(answer, 120);

        Assert.StartsWith("手数料は 1通300円 コンビニは200円 あ", summary, StringComparison.Ordinal);
        Assert.Equal(121, summary.Length);
        Assert.EndsWith("…", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("*", summary, StringComparison.Ordinal);
    }
}
