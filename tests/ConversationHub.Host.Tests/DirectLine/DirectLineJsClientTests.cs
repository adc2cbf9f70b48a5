using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.DirectLine;

/// <summary>
/// The official <c>botframework-directlinejs</c> (what Web Chat runs) against the server on 127.0.0.1:
/// <c>tests/js/directline.test.mjs</c> under <c>node --test</c>. Needs <c>npm ci</c> in tests/js (test.sh runs it).
/// </summary>
public sealed class DirectLineJsClientTests(DirectLineHostFixture fixture) : IClassFixture<DirectLineHostFixture>
{
    [Fact]
    public async Task DirectLineJs_ConversationOverWebSocket_EchoAnswerRefreshResume()
    {
        var ct = TestTimeout.Token(120);
        Assert.True(Directory.Exists(Path.Combine(Checkout.Root(), "tests", "js", "node_modules", "botframework-directlinejs")), "Run npm ci in tests/js first (test.sh does).");
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["HUB_DIRECTLINE_BASE_URL"] = fixture.Host.ClientOptions.BaseAddress.GetLeftPart(UriPartial.Authority),
        };

        var (exitCode, output) = await NodeTestRunner.RunAsync("tests/js/directline.test.mjs", environment, ct);

        Assert.True(exitCode == 0, "node --test failed:\n" + output);
        Assert.Contains("# pass 1", output, StringComparison.Ordinal);
    }
}
