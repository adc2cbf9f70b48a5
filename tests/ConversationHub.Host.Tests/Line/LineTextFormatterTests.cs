using ConversationHub.Bot.Line.Text;

namespace ConversationHub.Host.Tests.Line;

public sealed class LineTextFormatterTests
{
    private const string Site = "https://faq.city.example";
    private const string More = "続きはこちら:";

    [Fact]
    public void Format_LinkWithText_TextThenUrlInParentheses()
    {
        var text = LineTextFormatter.Format("詳しくは[市のサイト](https://www.example.org/a)をご覧ください。", 1000, Site, More);

        Assert.Equal("詳しくは市のサイト (https://www.example.org/a)をご覧ください。", text);
    }

    [Fact]
    public void Format_LinkWhoseTextIsTheUrl_UrlOnce()
    {
        Assert.Equal("https://www.example.org/a", LineTextFormatter.Format("[https://www.example.org/a](https://www.example.org/a)", 1000, Site, More));
        Assert.Equal("見る: https://www.example.org/b", LineTextFormatter.Format("見る: <https://www.example.org/b>", 1000, Site, More));
    }

    [Fact]
    public void Format_SiteLink_AbsoluteWithUtmMarker()
    {
        var text = LineTextFormatter.Format("[詳しくはこちら](/faq/12-juminhyo)", 1000, Site, More);

        Assert.Equal("詳しくはこちら (https://faq.city.example/faq/12-juminhyo?utm_source=line)", text);
    }

    [Fact]
    public void Format_EmphasisAndHeadings_WordsKeptMarkupDropped()
    {
        var text = LineTextFormatter.Format("# 住民票\n\n**本人**または*代理人*が`窓口`で申請します。", 1000, Site, More);

        Assert.Equal("住民票\n\n本人または代理人が窓口で申請します。", text);
    }

    [Fact]
    public void Format_Lists_OneLinePerItemNestedIndented()
    {
        var text = LineTextFormatter.Format("持ち物:\n\n- 本人確認書類\n- 印鑑\n  - 認印で可\n\n1. 申請書を書く\n2. 窓口に出す", 1000, Site, More);

        Assert.Equal("持ち物:\n\n・本人確認書類\n・印鑑\n  ・認印で可\n\n1. 申請書を書く\n2. 窓口に出す", text);
    }

    [Fact]
    public void Format_RawHtml_Dropped()
    {
        Assert.Equal("前後", LineTextFormatter.Format("前<b>後</b>", 1000, Site, More));
        Assert.DoesNotContain("<script>", LineTextFormatter.Format("<script>alert(1)</script>\n\n本文", 1000, Site, More), StringComparison.Ordinal);
    }

    [Fact]
    public void Format_LongAnswer_CutAtSentenceWithLinkToThePage()
    {
        var sentence = "この手続きは市民課で受け付けています。";
        var markdown = string.Concat(Enumerable.Repeat(sentence, 20)) + "\n\n[詳しくはこちら](/faq/7-tetsuzuki)";

        var text = LineTextFormatter.Format(markdown, 200, Site, More);

        Assert.True(text.Length <= 200, text);
        Assert.EndsWith("…\n\n続きはこちら: https://faq.city.example/faq/7-tetsuzuki?utm_source=line", text, StringComparison.Ordinal);
        Assert.Contains("います。…", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Cut_NoSentenceEnd_HardCutWithinLimit()
    {
        var text = LineTextFormatter.Cut(new string('あ', 500), 100, "https://faq.city.example/?utm_source=line", More);

        Assert.True(text.Length <= 100);
        Assert.StartsWith("あああ", text, StringComparison.Ordinal);
        Assert.EndsWith("utm_source=line", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Cut_ShortText_Unchanged()
    {
        Assert.Equal("短い。", LineTextFormatter.Cut("短い。", 100, null, More));
    }

    [Theory]
    [InlineData("/faq/1", "https://faq.city.example/faq/1?utm_source=line")]
    [InlineData("/search?q=%E4%BD%8F#top", "https://faq.city.example/search?q=%E4%BD%8F&utm_source=line#top")]
    [InlineData("https://faq.city.example/faq/2?a=1#x", "https://faq.city.example/faq/2?a=1&utm_source=line#x")]
    [InlineData("https://FAQ.city.example/faq/3", "https://FAQ.city.example/faq/3?utm_source=line")]
    [InlineData("https://faq.city.example/faq/4?utm_source=web", "https://faq.city.example/faq/4?utm_source=web")]
    [InlineData("https://www.example.org/x?y=1", "https://www.example.org/x?y=1")]
    [InlineData("mailto:info@city.example", "mailto:info@city.example")]
    public void Rewrite_SiteLinks_MarkedOthersUntouched(string url, string expected)
    {
        Assert.Equal(expected, LineLinks.Rewrite(url, Site));
    }

    [Fact]
    public void Rewrite_NoSiteConfigured_PathLeftAsIs()
    {
        Assert.Equal("/faq/1", LineLinks.Rewrite("/faq/1", null));
    }
}
