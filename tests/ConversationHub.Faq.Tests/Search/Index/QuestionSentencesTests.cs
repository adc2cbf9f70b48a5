using ConversationHub.Faq.Search.Index;

namespace ConversationHub.Faq.Tests.Search.Index;

public sealed class QuestionSentencesTests
{
    private const string Circumstances = "お世話になります。先月、家族で隣の県から引っ越してきたばかりで、平日は仕事が遅くまであり、窓口の時間にはなかなか行けそうにありません。";

    [Fact]
    public void Split_ParagraphAroundAQuestion_MarksOnlyTheAskingSentence()
    {
        // Act
        var sentences = QuestionSentences.Split(Circumstances + "住民票はコンビニでも取れますか。よろしくお願いします。");

        // Assert
        Assert.NotNull(sentences);
        Assert.Equal(
            [("お世話になります。", false), ("先月、家族で隣の県から引っ越してきたばかりで、平日は仕事が遅くまであり、窓口の時間にはなかなか行けそうにありません。", false), ("住民票はコンビニでも取れますか。", true), ("よろしくお願いします。", false)],
            sentences);
    }

    [Theory]
    [InlineData("住民票はコンビニでも取れますか")]
    [InlineData("住民票をコンビニで取りたい。マイナンバーカードを使いたいです。印鑑証明も取れますか？")]
    [InlineData(Circumstances + "住民票のこともまだよくわかっていません。")]
    public void Split_ShortOrAllAskingOrNoneAsking_ReturnsNull(string query)
    {
        Assert.Null(QuestionSentences.Split(query));
    }

    [Theory]
    [InlineData("保育園に申し込むにはどうしたらいいですか")]
    [InlineData("ごみの出し方を教えてください")]
    [InlineData("児童手当の振込日を知りたい")]
    [InlineData("粗大ごみは何日に出せるの?")]
    public void Split_AskingEndings_AreRecognised(string question)
    {
        var sentences = QuestionSentences.Split(Circumstances + question + "。");

        Assert.NotNull(sentences);
        Assert.True(sentences[^1].Asks);
    }
}
