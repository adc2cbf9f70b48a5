using ConversationHub.Bot.Line;

namespace ConversationHub.Host.Tests.Line;

public sealed class LineChannelOptionsValidatorTests
{
    [Fact]
    public void Validate_ChannelOffDefaults_Succeeds() =>
        Assert.True(new LineChannelOptionsValidator().Validate(null, new LineChannelOptions()).Succeeded);

    [Theory]
    [InlineData("secret", null, "https://api.line.me", 20, "Line:ChannelAccessToken")]
    [InlineData("secret", "token", "https://api.line.me/v2", 20, "Line:ApiBaseUrl")]
    [InlineData("secret", "token", "ftp://api.line.me", 20, "Line:ApiBaseUrl")]
    [InlineData("secret", "token", "https://api.line.me", 7, "Line:LoadingSeconds")]
    [InlineData(null, null, "https://api.line.me", 65, "Line:LoadingSeconds")]
    public void Validate_UnworkableSetting_FailsNamingIt(string? secret, string? token, string apiBaseUrl, int loadingSeconds, string named)
    {
        var options = new LineChannelOptions { ChannelSecret = secret, ChannelAccessToken = token, ApiBaseUrl = new Uri(apiBaseUrl), LoadingSeconds = loadingSeconds };

        var result = new LineChannelOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(named, result.FailureMessage, StringComparison.Ordinal);
    }
}
