using System.Text;
using ConversationHub.Bot.Line.Webhook;

namespace ConversationHub.Host.Tests.Line;

public sealed class LineSignatureTests
{
    // The vector of ../shared/specs/line-messaging.md §2, computed there with Python and Node.
    private const string Secret = "testsecret0123456789abcdef";
    private const string Body = """{"destination":"Uxxxxxxxx","events":[]}""";
    private const string Expected = "uQ60lHMxSqwmijcEbpZLOTH9ArPlbBOnrOq52nXkkfM=";

    [Fact]
    public void Compute_SpecVector_Matches() => Assert.Equal(Expected, LineSignature.Compute(Secret, Encoding.UTF8.GetBytes(Body)));

    [Fact]
    public void IsValid_SpecVector_True() => Assert.True(LineSignature.IsValid(Secret, Encoding.UTF8.GetBytes(Body), Expected));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("uQ60lHMxSqwmijcEbpZLOTH9ArPlbBOnrOq52nXkkfA=")]
    [InlineData("uQ60lHMxSqwmijcEbpZLOTH9ArPlbBOnrOq52nXk")]
    public void IsValid_MissingOrWrongSignature_False(string? header) =>
        Assert.False(LineSignature.IsValid(Secret, Encoding.UTF8.GetBytes(Body), header));

    [Fact]
    public void IsValid_BodyChangedByOneByte_False() =>
        Assert.False(LineSignature.IsValid(Secret, Encoding.UTF8.GetBytes(Body.Replace("[]", "[ ]", StringComparison.Ordinal)), Expected));
}
