using System.Net;
using System.Text;
using ConversationHub.Bot.Line.Webhook;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.Line;

/// <summary>Without <c>Line:ChannelSecret</c> (the demo's default) the channel is off.</summary>
public sealed class LineChannelOffTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    [Fact]
    public async Task Webhook_NoSecretConfigured_404()
    {
        var ct = TestTimeout.Token();
        using var webhook = new LineWebhookClient(fixture.Host.CreateClient(), "any-secret");

        var status = await webhook.PostAsync(ct, LineWebhookClient.Text(LineWebhookClient.NewUserId(), "こんにちは", "off-1"));

        Assert.Equal(HttpStatusCode.NotFound, status);
    }
}
