using System.Text.Json;
using ConversationHub.Faq.Site;

namespace ConversationHub.Faq.Tests.Site;

public sealed class FaqJsonLdTests
{
    [Fact]
    public void For_AnswerClosingTheScript_IsEscapedAndStillParses()
    {
        // Arrange
        const string answer = "<p>a</script><script>alert(1)</script> & 'b'</p>";

        // Act
        var json = FaqJsonLd.For("住民票は？", answer, "https://faq.example.jp/faq/1");

        // Assert
        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
        Assert.Contains("住民票は？", json, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        Assert.Equal("FAQPage", document.RootElement.GetProperty("@type").GetString());
        Assert.Equal(answer, document.RootElement.GetProperty("mainEntity")[0].GetProperty("acceptedAnswer").GetProperty("text").GetString());
    }
}
