using ConversationHub.Faq.Search.Analysis;
using ConversationHub.Faq.Search.Index;

namespace ConversationHub.Faq.Tests.Search.Index;

public sealed class FirstStageResultTests
{
    private static FirstStageResult Retrieve(string query)
    {
        var index = new FaqSearchIndex(new JapaneseAnalyzer(), Bm25FParameters.Default, new InMemorySynonymDictionary());
        index.Rebuild(
        [
            new SearchDocument("passport", "パスポートの申請", "申請には写真が必要です。"),
            new SearchDocument("garbage", "ゴミの出し方", "燃えるゴミは月曜日です。"),
            new SearchDocument("library", "図書館の利用", "貸出は二週間です。"),
            new SearchDocument("staff", "職員向けの手順", "内部の資料です。"),
        ]);
        return index.Retrieve(query, 10);
    }

    [Fact]
    public void Append_NewKnownAllowedIds_FollowTheFirstStageWithScoreZero()
    {
        // Arrange
        var firstStage = Retrieve("パスポートの申請");
        Assert.Equal(["passport"], Enumerable.Range(0, firstStage.Count).Select(firstStage.DocumentId));

        // Act: a duplicate, an id the index does not hold, one the filter refuses, and two new ones (one twice).
        var appended = firstStage.Append(
            ["passport", "library", "unknown", "staff", "garbage", "library"],
            filter: id => id != "staff");

        // Assert
        Assert.Equal(["passport", "library", "garbage"], Enumerable.Range(0, appended.Count).Select(appended.DocumentId));
        Assert.Equal(firstStage.Scores[0], appended.Scores[0]);
        Assert.Equal([0f, 0f], appended.Scores[1..]);
        Assert.Same(firstStage.Query, appended.Query);
    }

    [Fact]
    public void Append_NothingNew_ReturnsTheSameResult()
    {
        // Arrange
        var firstStage = Retrieve("パスポートの申請");

        // Act
        var appended = firstStage.Append(["passport", "unknown"]);

        // Assert
        Assert.Same(firstStage, appended);
    }
}
