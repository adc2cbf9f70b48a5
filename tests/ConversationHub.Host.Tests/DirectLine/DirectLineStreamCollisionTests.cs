using System.Net.WebSockets;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.DirectLine;

/// <summary>One stream per conversation: a newer socket closes the older one as a collision, on one node or across two.</summary>
public sealed class DirectLineStreamCollisionTests(DirectLineHostFixture fixture) : IClassFixture<DirectLineHostFixture>
{
    [Fact]
    public async Task SecondSocket_SameConversation_ClosesTheFirstAsCollisionAndKeepsStreaming()
    {
        // Arrange
        var ct = TestTimeout.Token();
        using var client = new DirectLineTestClient(fixture.Host.CreateClient());
        await client.StartAsync(ct);
        await using var first = await DirectLineTestClient.Stream.ConnectAsync(client.StreamUrl, ct);
        await first.ReceiveUntilAsync(a => a.Any(DirectLineTestClient.IsBotMessage), ct);

        // Act
        await using var second = await DirectLineTestClient.Stream.ConnectAsync(client.StreamUrl, ct);
        var (status, reason) = await first.WaitForCloseAsync(ct);
        var id = await client.SayAsync("住民票はどこで取れますか", "collision-1", ct);

        // Assert: the old socket is closed with Direct Line's reason; the new one gets the echo.
        Assert.Equal((WebSocketCloseStatus.PolicyViolation, "collision"), (status, reason));
        await second.ReceiveUntilAsync(a => a.Any(x => x.GetProperty("id").GetString() == id), ct);
    }

    [Fact]
    public async Task SecondSocket_OnAnotherNode_ClosesTheFirst()
    {
        // Arrange: the first socket on node A, the second on node B, one PostgreSQL database.
        var ct = TestTimeout.Token(180);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, ct);
        var pii = TestPii.CreateOptions();
        await using var nodeA = HubHost.Start(database, ownsDatabase: false, pii);
        await using var nodeB = HubHost.Start(database, ownsDatabase: false, pii);
        using var onA = new DirectLineTestClient(nodeA.CreateClient());
        await onA.StartAsync(ct);
        await using var first = await DirectLineTestClient.Stream.ConnectAsync(onA.StreamUrl, ct);
        await first.ReceiveUntilAsync(a => a.Any(DirectLineTestClient.IsBotMessage), ct);

        // Act
        var onB = onA.StreamUrl.Replace(nodeA.ClientOptions.BaseAddress.Authority, nodeB.ClientOptions.BaseAddress.Authority, StringComparison.Ordinal);
        await using var second = await DirectLineTestClient.Stream.ConnectAsync(onB, ct);
        var (status, reason) = await first.WaitForCloseAsync(ct);

        // Assert
        Assert.Equal((WebSocketCloseStatus.PolicyViolation, "collision"), (status, reason));
        await second.ReceiveUntilAsync(a => a.Any(DirectLineTestClient.IsBotMessage), ct);
    }
}
