using ConversationHub.Faq.Search.Readings;

namespace ConversationHub.Faq.Tests.Search.Readings;

/// <summary>The matching rules on a small dictionary; SearchHighlighterReadingTests runs them on the system lexicon.</summary>
public sealed class HiraganaReadingMatcherTests
{
    private static readonly ReadingDictionary Dictionary = ReadingDictionary.Create(
        [
            ("住民", "ジュウミン", 10), ("票", "ヒョウ", 10), ("市場", "シジョウ", 10), ("市場", "イチバ", 20),
            ("出し", "ダシ", 10), ("方", "カタ", 10), ("方", "ホウ", 20), ("者", "シャ", 10), ("者", "モノ", 20),
            ("医療", "イリョウ", 10), ("火事", "カジ", 10), ("家事", "カジ", 10),
        ],
        "test");

    private static string Marked(HiraganaReadingMatcher matcher, string text)
    {
        var marked = new bool[text.Length];
        matcher.Mark(text, marked);
        return new string([.. text.Select((c, i) => marked[i] ? c : '・')]);
    }

    [Theory]
    [InlineData("じゅうみんひょう", "住民票の写し", "住民票・・・")]
    [InlineData("いちばのじかん", "市場の時間", "市場・・・")]
    [InlineData("ごみのだしかた", "ゴミの出し方", "・・・出し方")]
    [InlineData("かじ", "火事と家事", "火事・家事")]
    public void Mark_ReadingInTheQuery_MarksTheWholeWords(string query, string text, string expected)
    {
        // Act
        var marked = Marked(new HiraganaReadingMatcher(Dictionary, query), text);

        // Assert
        Assert.Equal(expected, marked);
    }

    [Theory]
    [InlineData("ごみのだしかた", "この方")]
    [InlineData("こどものいりょうひ", "者医療")]
    [InlineData("かじのよぼう", "家事")]
    public void Mark_OneCharacterWordOrShortPieceOfTheQuery_MarksOnlyWhatTheRulesAllow(string query, string text)
    {
        // Act: 方 alone is one character; 者 reads もの only as its second reading; かじ is two kana inside a longer run.
        var marked = Marked(new HiraganaReadingMatcher(Dictionary, query), text);

        // Assert
        Assert.Equal(text == "者医療" ? "・医療" : new string('・', text.Length), marked);
    }

    [Fact]
    public void Mark_MatchWouldEndInsideASyllable_MarksNothing()
    {
        // Arrange: みんひ is in じゅうみんひょう, but ending there would cut ひょ in two.
        var matcher = new HiraganaReadingMatcher(ReadingDictionary.Create([("民費", "ミンヒ", 10)], "test"), "じゅうみんひょう");

        // Act
        var marked = Marked(matcher, "民費");

        // Assert
        Assert.Equal("・・", marked);
    }

    [Theory]
    [InlineData("住民票")]
    [InlineData("ジュウミンヒョウ")]
    [InlineData("住民票の写し")]
    public void Constructor_NoHiraganaRunToMatch_IsInactive(string query)
    {
        // Act: kanji match as typed, katakana carry no weight in the index's reading field, and a lone の is a particle.
        var matcher = new HiraganaReadingMatcher(Dictionary, query);

        // Assert
        Assert.False(matcher.IsActive);
        Assert.Equal("・・・", Marked(matcher, "住民票"));
    }

    [Fact]
    public void Constructor_EmptyDictionary_IsInactive()
    {
        // Act
        var matcher = new HiraganaReadingMatcher(ReadingDictionary.Empty, "じゅうみんひょう");

        // Assert
        Assert.False(matcher.IsActive);
    }

    [Fact]
    public void Constructor_MixedQuery_KeepsItsHiraganaRunsFolded()
    {
        // Act
        var matcher = new HiraganaReadingMatcher(Dictionary, "ゴミのだしかた 住民ひょう ｼﾞｭｳﾐﾝ");

        // Assert
        Assert.Equal(["ごみのだしかた", "ひょう"], matcher.Pieces);
    }
}
