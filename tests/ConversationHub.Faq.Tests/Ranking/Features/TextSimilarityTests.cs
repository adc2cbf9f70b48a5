using ConversationHub.Faq.Ranking.Features;

namespace ConversationHub.Faq.Tests.Ranking.Features;

public sealed class TextSimilarityTests
{
    [Theory]
    [InlineData("住民票の写し", "住民票を取りたい", 3)]
    [InlineData("abc", "xyz", 0)]
    [InlineData("", "abc", 0)]
    public void LongestCommonSubstring_Length_IsTheLongestSharedRun(string a, string b, int expected) =>
        Assert.Equal(expected, LongestCommonSubstring.Length(a, b));

    [Theory]
    [InlineData("住民票を取りたい", "住民票の写しを取得したい", 7)]
    [InlineData("abc", "cba", 1)]
    [InlineData("abc", "", 0)]
    public void LongestCommonSubsequence_Length_KeepsOrderAllowsGaps(string a, string b, int expected) =>
        Assert.Equal(expected, LongestCommonSubsequence.Length(a, b));

    [Fact]
    public void ProximityWindow_Score_IsMatchedWordsOverShortestWindow()
    {
        string[] sequence = ["a", "x", "b", "y", "y", "a", "b"];
        Assert.Equal(1f, ProximityWindow.Score(sequence, ["a", "b"]));
        Assert.Equal(2f / 3f, ProximityWindow.Score(["a", "x", "b"], ["a", "b", "c"]));
        Assert.Equal(0f, ProximityWindow.Score(sequence, ["a", "c"]));
    }
}
