using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.Line;

/// <summary>
/// A bot turn's answer leaves as soon as the turn commits it, not when the delivery batch window or the sweep's poll
/// interval says: with both far longer than the test may run, the whole answer still comes, in one reply call.
/// </summary>
public sealed class LineAnswerWorkerTests
{
    [Fact]
    public async Task TurnCommitted_BatchWindowAndPollLongerThanTest_WholeAnswerInOneReplyCall()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        await using var stub = await LineStubApi.StartAsync();
        var settings = LineHostFixture.Settings(stub.BaseUrl);
        settings["Line:DeliveryBatchWindow"] = "00:10:00";
        settings["Line:PollInterval"] = "00:10:00";
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, settings, ct);
        using var webhook = new LineWebhookClient(host.CreateClient(), LineHostFixture.ChannelSecret);
        var user = LineWebhookClient.NewUserId();
        var token = "now-" + Guid.NewGuid().ToString("N");

        // Act
        await webhook.PostAsync(ct, LineWebhookClient.Text(user, "粗大ごみの出し方を教えてください", token));

        // Assert: the answer's last message (「解決しましたか」) came in the same call as its first.
        var reply = await Eventually.UntilAsync(() => stub.Replies(token).FirstOrDefault(), "the reply", ct);
        var texts = reply.Json.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString()!).ToList();
        Assert.True(texts.Count > 1, string.Join(" | ", texts));
        Assert.Contains(texts, t => t.Contains("解決しましたか", StringComparison.Ordinal));
        Assert.Single(stub.Replies(token));
        Assert.Empty(stub.Pushes(user));
    }
}
