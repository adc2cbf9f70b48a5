using ConversationHub.Faq.Evaluation;

namespace ConversationHub.Faq.Tests.Evaluation;

public sealed class LocalGovFaqLoaderTests
{
    [Fact]
    public void ParseEntry_QuestionAndAnswerWithLineBreakMarker_SplitsAndRestoresLineBreaks()
    {
        // Act
        var document = LocalGovFaqLoader.ParseEntry("7", "Question: 住民票を取りたい。\nAnswer: ■窓口。＜改＞。【お問い合わせ】市民課。\n");

        // Assert
        Assert.Equal("7", document.Id);
        Assert.Equal("住民票を取りたい。", document.Question);
        Assert.Equal("■窓口。\n。【お問い合わせ】市民課。", document.Answer);
    }

    [Fact]
    public void ParseEntry_NoAnswerMarker_IsAllQuestion()
    {
        // Act
        var document = LocalGovFaqLoader.ParseEntry("1", "ゴミの出し方");

        // Assert
        Assert.Equal("ゴミの出し方", document.Question);
        Assert.Equal(string.Empty, document.Answer);
    }
}
