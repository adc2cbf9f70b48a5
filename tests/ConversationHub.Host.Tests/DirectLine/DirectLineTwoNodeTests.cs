using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.DirectLine;

/// <summary>Two nodes on one PostgreSQL database: a socket held by node B gets what is posted on node A.</summary>
public sealed class DirectLineTwoNodeTests
{
    [Fact]
    public async Task StreamOnNodeB_ReceivesBotAnswerToMessagePostedOnNodeA()
    {
        var ct = TestTimeout.Token(180);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, ct);
        var pii = TestPii.CreateOptions();
        await using var nodeA = HubHost.Start(database, ownsDatabase: false, pii);
        await using var nodeB = HubHost.Start(database, ownsDatabase: false, pii);
        using var onA = new DirectLineTestClient(nodeA.CreateClient());
        await onA.StartAsync(ct);
        var streamOnB = onA.StreamUrl.Replace(nodeA.ClientOptions.BaseAddress.Authority, nodeB.ClientOptions.BaseAddress.Authority, StringComparison.Ordinal);
        await using var stream = await DirectLineTestClient.Stream.ConnectAsync(streamOnB, ct);
        await stream.ReceiveUntilAsync(a => a.Any(DirectLineTestClient.IsBotMessage), ct);

        var id = await onA.SayAsync("住民票はどこで取れますか", "two-node-1", ct);
        var received = await stream.ReceiveUntilAsync(a => a.Any(x => DirectLineTestClient.TextOf(x) == "解決しましたか？"), ct);

        Assert.NotEqual(nodeA.ClientOptions.BaseAddress.Authority, nodeB.ClientOptions.BaseAddress.Authority);
        Assert.Contains(received, a => a.GetProperty("id").GetString() == id);
        Assert.Contains(received, a => DirectLineTestClient.IsBotMessage(a) && DirectLineTestClient.TextOf(a).Contains("住民票", StringComparison.Ordinal));
    }
}
