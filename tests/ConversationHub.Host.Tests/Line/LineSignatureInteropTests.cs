using System.Text;
using System.Text.Json;
using ConversationHub.Bot.Line.Webhook;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.Line;

/// <summary>
/// Signatures agree with the official <c>@line/bot-sdk</c> both ways (<c>tests/js/line-signature.test.mjs</c>): our
/// vectors validate with its <c>validateSignature</c>, and bodies it validates are accepted by our webhook over HTTP.
/// </summary>
public sealed class LineSignatureInteropTests(SqliteLineHostFixture fixture) : IClassFixture<SqliteLineHostFixture>
{
    [Fact]
    public async Task Signatures_InteroperateWithLineBotSdk()
    {
        var ct = TestTimeout.Token(120);
        string[] bodies =
        [
            """{"destination":"Uxxxxxxxx","events":[]}""",
            """{"destination":"U0","events":[{"type":"message","message":{"type":"text","text":"住民票はどこで取れますか？🙂"}}]}""",
            "{\n  \"destination\": \"U1\",\n  \"events\": []\n}\n",
        ];
        var vectors = bodies.Select((body, i) => new { secret = i == 0 ? "testsecret0123456789abcdef" : "secret-" + i, body })
            .Select(v => new { v.secret, v.body, signature = LineSignature.Compute(v.secret, Encoding.UTF8.GetBytes(v.body)) });
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, JsonSerializer.Serialize(vectors), ct);

            var (exitCode, output) = await NodeTestRunner.RunAsync("tests/js/line-signature.test.mjs", new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["HUB_LINE_WEBHOOK_URL"] = new Uri(fixture.Host.ClientOptions.BaseAddress, "/api/line/webhook").ToString(),
                ["HUB_LINE_CHANNEL_SECRET"] = LineHostFixture.ChannelSecret,
                ["HUB_LINE_VECTORS"] = file,
            }, ct);

            Assert.True(exitCode == 0, "node --test failed:\n" + output);
            Assert.Contains("# pass 2", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
