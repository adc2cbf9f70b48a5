using System.Text.Encodings.Web;
using System.Text.Unicode;
using ConversationHub.Faq.Search.Readings;
using ConversationHub.Faq.Tests.Search.Readings;
using ConversationHub.Faq.Site.SearchPage;
using Microsoft.AspNetCore.Html;

namespace ConversationHub.Faq.Tests.Site.SearchPage;

/// <summary>
/// Issue 3, highlighting what was found through a kanji reading: with the system lexicon that test.sh installs (Debian's
/// mecab-ipadic), as the results page gets it from DI.
/// </summary>
public sealed class SearchHighlighterReadingTests
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string Highlight(string query, string text, ReadingDictionary readings)
    {
        using var writer = new StringWriter();
        new SearchHighlighter(query, Encoder, null, readings).Highlight(text).WriteTo(writer, Encoder);
        return writer.ToString();
    }

    [Theory]
    [InlineData("じゅうみんひょう", "住民票の写しを取りたい。", "<mark>住民票</mark>の写しを取りたい。")]
    [InlineData("こせきとうほん", "戸籍謄本を郵送で請求したい。", "<mark>戸籍謄本</mark>を郵送で請求したい。")]
    [InlineData("ごみのだしかた", "ごみの分け方・出し方を教えてください。", "<mark>ごみ</mark>の分け方・<mark>出し方</mark>を教えてください。")]
    [InlineData("ねんきん", "国民年金の保険料を免除してほしい。", "国民<mark>年金</mark>の保険料を免除してほしい。")]
    [InlineData("じゅうみんひょうのうつし", "住民票の写しはどこで取れますか？", "<mark>住民票</mark>の<mark>写し</mark>はどこで取れますか？")]
    [InlineData("こどものいりょうひ", "後期高齢者医療制度", "後期高齢者<mark>医療</mark>制度")]
    public void Highlight_HiraganaQuery_MarksTheKanjiWordsItReads(string query, string text, string expected)
    {
        // Act
        var html = Highlight(query, text, SystemLexicon.Required());

        // Assert
        Assert.Equal(expected, html);
    }

    [Theory]
    [InlineData("じゅうみんひょう", "戸籍謄本を郵送で請求したい。")]
    [InlineData("ねんきん", "金曜日の窓口は19時までです。")]
    [InlineData("きょうけんびょうのちゅうしゃ", "市役所の中にある窓口で申請者が手続きします。")]
    [InlineData("きょうけんびょうのちゅうしゃ", "雨天の場合は中止します。")]
    [InlineData("ほいくえんにはいりたい", "公園に行く")]
    public void Highlight_HiraganaQueryNoWordReadsSo_MarksNothing(string query, string text)
    {
        // Act
        var html = Highlight(query, text, SystemLexicon.Required());

        // Assert: 金 (きん), 中 (ちゅう) and 者 (しゃ) are in the queries' readings, but one-character words alone never
        // match; 中止 (ちゅうし) would end inside しゃ; 行く (いく) is two kana inside ほいくえん.
        Assert.DoesNotContain("<mark>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Highlight_KanjiQuery_DoesNotMarkHomophones()
    {
        // Act: 市長 and 市町 are both しちょう; a citizen who typed kanji meant these kanji.
        var html = Highlight("市長", "市町の合併について", SystemLexicon.Required());

        // Assert
        Assert.Equal("市町の合併について", html);
    }

    [Fact]
    public void Highlight_ReadingsOff_MarksOnlyTheQueryWords()
    {
        // Act
        var html = Highlight("ごみのだしかた", "ごみの分け方・出し方を教えてください。", ReadingDictionary.Empty);

        // Assert
        Assert.Equal("<mark>ごみ</mark>の分け方・出し方を教えてください。", html);
    }

    [Fact]
    public void Highlight_HtmlAroundAReadingMatch_StaysEncoded()
    {
        // Act
        var html = Highlight("じゅうみんひょう", "<b>住民票</b>&<script>alert(1)</script>", SystemLexicon.Required());

        // Assert
        Assert.Equal("&lt;b&gt;<mark>住民票</mark>&lt;/b&gt;&amp;&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    [Fact]
    public void Highlight_EmojiNextToAReadingMatch_KeepsSurrogatePairsWhole()
    {
        // Act
        var html = Highlight("ねんきん", "🗑年金🗑", SystemLexicon.Required());

        // Assert
        Assert.Equal("&#x1F5D1;<mark>年金</mark>&#x1F5D1;", html);
    }

    [Fact]
    public void Highlight_WordWithSeveralReadings_MatchesAnyOfThem()
    {
        // Act: IPADIC reads 市場 as しじょう first (the stock market); the citizen means いちば.
        var html = Highlight("いちばのえいぎょうじかん", "市場の営業時間", SystemLexicon.Required());

        // Assert
        Assert.Equal("<mark>市場</mark>の<mark>営業時間</mark>", html);
    }
}
