using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Ranking.Reranking;
using ConversationHub.Faq.Search.Analysis;
using ConversationHub.Faq.Search.Index;
using ConversationHub.Faq.Search.Readings;
using ConversationHub.Faq.Search.Service;
using ConversationHub.Faq.Tests.Search.Readings;

namespace ConversationHub.Faq.Tests.Search.Service;

/// <summary>
/// Issue 3, hiragana where the FAQ has kanji: through the real search service, with the system lexicon that test.sh
/// installs (Debian's mecab-ipadic) and no synonyms.
/// </summary>
public sealed class FaqSearchServiceReadingTests
{
    private static readonly (string Question, string Answer, string[] Categories)[] Corpus =
    [
        ("住民票の写しを取りたい。", "市民課窓口またはコンビニエンスストアで取得できます。手数料は300円です。", ["証明書"]),
        ("戸籍謄本を郵送で請求したい。", "請求書に必要事項を記入し、手数料分の定額小為替と返信用封筒を同封して送付してください。", ["証明書"]),
        ("ゴミの出し方を知りたい。", "地域ごとに決められた収集日の朝8時30分までに出してください。", ["環境"]),
        ("犬の狂犬病予防注射はどこで受けられますか？", "4月から6月の集合注射のほか、動物病院でも受けられます。", ["ペット"]),
        ("国民年金の保険料を免除してほしい。", "所得が少なく保険料を納めることが困難な場合は、免除申請ができます。", ["年金"]),
    ];

    private static FaqSearchService CreateService(ReadingDictionary readings)
    {
        var service = new FaqSearchService(
            new FaqSearchIndex(new JapaneseAnalyzer(AnalyzerOptions.Default, readings), Bm25FParameters.Default, new InMemorySynonymDictionary()),
            FaqReranker.FirstStageOnly,
            TimeProvider.System);
        service.ReplaceAll([.. Corpus.Select(f =>
        {
            var id = Guid.NewGuid();
            var entry = new FaqSearchEntry(id, f.Question, f.Answer, FaqVisibility.Public, null, null, [], DateTime.UtcNow);
            return (entry, new SearchDocument(FaqSearchDocuments.Key(id), f.Question, f.Answer) { Keywords = f.Categories });
        })]);
        return service;
    }

    [Theory]
    [InlineData("じゅうみんひょう", "住民票の写しを取りたい。")]
    [InlineData("こせきとうほん", "戸籍謄本を郵送で請求したい。")]
    [InlineData("ごみのだしかた", "ゴミの出し方を知りたい。")]
    [InlineData("きょうけんびょうのちゅうしゃ", "犬の狂犬病予防注射はどこで受けられますか？")]
    [InlineData("ねんきんをめんじょしてほしい", "国民年金の保険料を免除してほしい。")]
    public void Search_HiraganaForKanji_FindsTheKanjiFaqFirst(string query, string expectedQuestion)
    {
        // Arrange
        var service = CreateService(SystemLexicon.Required());

        // Act
        var results = service.Search(query, FaqAudience.Public);

        // Assert
        Assert.NotEmpty(results);
        Assert.Equal(expectedQuestion, results[0].Question);
    }

    [Theory]
    [InlineData("じゅうみんひょう")]
    [InlineData("こせきとうほん")]
    public void Search_NoReadingDictionary_HiraganaFindsNothingButKanjiStillWorks(string query)
    {
        // Arrange
        var service = CreateService(ReadingDictionary.Empty);

        // Act
        var hiragana = service.Search(query, FaqAudience.Public);
        var kanji = service.Search("戸籍謄本", FaqAudience.Public);

        // Assert
        Assert.Empty(hiragana);
        Assert.Equal("戸籍謄本を郵送で請求したい。", kanji[0].Question);
    }

    [Theory]
    [InlineData("じゅうみ", "住民票の写しを取りたい。")]
    [InlineData("きょうけん", "犬の狂犬病予防注射はどこで受けられますか？")]
    [InlineData("こせき", "戸籍謄本を郵送で請求したい。")]
    public void Suggest_ReadingPrefix_SuggestsTheKanjiQuestion(string typed, string expectedQuestion)
    {
        // Arrange
        var service = CreateService(SystemLexicon.Required());

        // Act
        var suggestions = service.Suggest(typed);

        // Assert
        Assert.Contains(suggestions, s => s.Text == expectedQuestion);
    }

    [Fact]
    public void Suggest_ReadingPrefixWithoutDictionary_SuggestsNothing()
    {
        // Arrange
        var service = CreateService(ReadingDictionary.Empty);

        // Act
        var suggestions = service.Suggest("じゅうみ");

        // Assert
        Assert.Empty(suggestions);
    }
}
