using ConversationHub.Faq.Search.Service;

namespace ConversationHub.Faq.Tests.Search.Service;

public sealed class SearchQueryTextTests
{
    [Theory]
    [InlineData("住民票\u0000\u0007", "住民票")]
    [InlineData("  住民票 \t\n コンビニ  ", "住民票 コンビニ")]
    [InlineData("住\u200B民\u202E票", "住民票")]
    [InlineData("👨\u200D👩\u200D👧 子育て", "👨\u200D👩\u200D👧 子育て")]
    [InlineData(null, "")]
    public void Clean_Input_DropsControlAndInvisibleCharacters(string? raw, string expected)
    {
        Assert.Equal(expected, SearchQueryText.Clean(raw));
    }

    [Fact]
    public void Clean_UnpairedSurrogate_IsDropped()
    {
        // Built in code: xunit's test-case serialisation would replace a lone surrogate in InlineData.
        var raw = "ごみ" + '\uD800' + "の" + '\uDC00';

        Assert.Equal("ごみの", SearchQueryText.Clean(raw));
    }
}
