using ConversationHub.Faq.Search.Suggest;

namespace ConversationHub.Faq.Tests.Search.Suggest;

public sealed class SuggestionIndexTests
{
    [Fact]
    public void Suggest_HalfWidthKatakanaPrefix_MatchesFullWidthQuestion()
    {
        // Arrange
        var index = SuggestionIndex.Build([new("マイナンバーカードの申請", SuggestionKind.FaqQuestion, 1, "1")]);

        // Act
        var suggestions = index.Suggest("ﾏｲﾅﾝ");

        // Assert
        Assert.Equal("1", Assert.Single(suggestions).FaqId);
    }

    [Fact]
    public void Suggest_HiraganaPrefix_MatchesKatakanaQuestion()
    {
        // Arrange
        var index = SuggestionIndex.Build([new("ゴミの出し方", SuggestionKind.FaqQuestion, 1, "1")]);

        // Act
        var suggestions = index.Suggest("ごみ");

        // Assert
        Assert.Single(suggestions);
    }

    [Fact]
    public void Suggest_PrefixOfAWordInside_MatchesAfterPrefixMatches()
    {
        // Arrange
        var index = SuggestionIndex.Build(
        [
            new("コンビニで住民票を取りたい", SuggestionKind.FaqQuestion, 100, "inside"),
            new("住民票の写し", SuggestionKind.PopularQuery, 1),
        ]);

        // Act
        var suggestions = index.Suggest("住民票");

        // Assert
        Assert.Equal(["住民票の写し", "コンビニで住民票を取りたい"], suggestions.Select(s => s.Text));
    }

    [Fact]
    public void Suggest_ManyMatches_ReturnsAtMostEightMostPopularFirst()
    {
        // Arrange
        var sources = Enumerable.Range(1, 20).Select(i => new SuggestionSource($"住民票 {i}", SuggestionKind.PopularQuery, i));
        var index = SuggestionIndex.Build(sources);

        // Act
        var suggestions = index.Suggest("住民");

        // Assert
        Assert.Equal(SuggestionIndex.MaxSuggestions, suggestions.Count);
        Assert.Equal("住民票 20", suggestions[0].Text);
    }

    [Fact]
    public void Suggest_EmptyPrefix_ReturnsNothing()
    {
        // Arrange
        var index = SuggestionIndex.Build([new("ゴミの出し方", SuggestionKind.FaqQuestion, 1, "1")]);

        // Act
        var suggestions = index.Suggest("  ");

        // Assert
        Assert.Empty(suggestions);
    }
}
