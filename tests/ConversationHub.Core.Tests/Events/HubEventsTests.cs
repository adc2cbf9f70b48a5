using System.Threading.Channels;
using ConversationHub.Core.Events;
using ConversationHub.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConversationHub.Core.Tests.Events;

public sealed class InProcessHubEventsTests
{
    [Fact]
    public async Task PublishAsync_TwoSubscribers_BothReceiveInOrder()
    {
        // Arrange
        await using var events = new InProcessHubEvents(NullLogger<InProcessHubEvents>.Instance);
        var first = Channel.CreateUnbounded<HubEvent>();
        var second = Channel.CreateUnbounded<HubEvent>();
        using var a = events.Subscribe("faq.changed", (e, token) => first.Writer.WriteAsync(e, token).AsTask());
        using var b = events.Subscribe("faq.changed", (e, token) => second.Writer.WriteAsync(e, token).AsTask());
        var ct = TestTimeout.Token(10);

        // Act
        await events.PublishAsync("faq.changed", "1", ct);
        await events.PublishAsync("faq.changed", "2", ct);

        // Assert
        Assert.Equal("1", (await first.Reader.ReadAsync(ct)).Payload);
        Assert.Equal("2", (await first.Reader.ReadAsync(ct)).Payload);
        Assert.Equal("1", (await second.Reader.ReadAsync(ct)).Payload);
        Assert.Equal(events.NodeId, (await second.Reader.ReadAsync(ct)).OriginNodeId);
    }

    [Fact]
    public async Task PublishAsync_OtherTopicOrDisposedSubscription_NotDelivered()
    {
        await using var events = new InProcessHubEvents(NullLogger<InProcessHubEvents>.Instance);
        var received = Channel.CreateUnbounded<HubEvent>();
        var subscription = events.Subscribe("queue.changed", (e, token) => received.Writer.WriteAsync(e, token).AsTask());
        var ct = TestTimeout.Token(10);

        await events.PublishAsync("faq.changed", "x", ct);
        await events.PublishAsync("queue.changed", "seen", ct);
        Assert.Equal("seen", (await received.Reader.ReadAsync(ct)).Payload);
        subscription.Dispose();
        await events.PublishAsync("queue.changed", "after", ct);
        await Task.Delay(100, ct);

        Assert.False(received.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Subscribe_FailingHandler_DoesNotStopLaterEvents()
    {
        await using var events = new InProcessHubEvents(NullLogger<InProcessHubEvents>.Instance);
        var received = Channel.CreateUnbounded<string>();
        using var _ = events.Subscribe("faq.changed", async (e, token) =>
        {
            await received.Writer.WriteAsync(e.Payload, token);
            throw new InvalidOperationException("boom");
        });
        var ct = TestTimeout.Token(10);

        await events.PublishAsync("faq.changed", "1", ct);
        await events.PublishAsync("faq.changed", "2", ct);

        Assert.Equal("1", await received.Reader.ReadAsync(ct));
        Assert.Equal("2", await received.Reader.ReadAsync(ct));
    }

    [Theory]
    [InlineData("Faq.Changed")]
    [InlineData("faq changed")]
    [InlineData("")]
    [InlineData(".faq")]
    public async Task PublishAsync_InvalidTopic_Throws(string topic)
    {
        await using var events = new InProcessHubEvents(NullLogger<InProcessHubEvents>.Instance);

        await Assert.ThrowsAsync<ArgumentException>(() => events.PublishAsync(topic, "", CancellationToken.None));
    }

    [Fact]
    public async Task PublishAsync_OversizedPayload_Throws()
    {
        await using var events = new InProcessHubEvents(NullLogger<InProcessHubEvents>.Instance);

        await Assert.ThrowsAsync<ArgumentException>(() => events.PublishAsync("faq.changed", new string('あ', 3000), CancellationToken.None));
    }
}

public sealed class PostgresHubEventsTests
{
    [Fact]
    public async Task PublishAsync_OnOneNode_ReachesSubscribersOnTwoConnections()
    {
        // Arrange: two nodes, each with its own listening connection.
        var ct = TestTimeout.Token(30);
        await using var database = await TestDatabase.CreateAsync(Core.Persistence.DatabaseProvider.Postgres, ct);
        using var nodeA = new PostgresHubEvents(database.ConnectionString, NullLogger<PostgresHubEvents>.Instance);
        using var nodeB = new PostgresHubEvents(database.ConnectionString, NullLogger<PostgresHubEvents>.Instance);
        await nodeA.StartAsync(ct);
        await nodeB.StartAsync(ct);
        await Task.WhenAll(nodeA.Listening, nodeB.Listening).WaitAsync(ct);
        var onA = Channel.CreateUnbounded<HubEvent>();
        var onB = Channel.CreateUnbounded<HubEvent>();
        using var subA = nodeA.Subscribe("conversation.activity_added", (e, token) => onA.Writer.WriteAsync(e, token).AsTask());
        using var subB = nodeB.Subscribe("conversation.activity_added", (e, token) => onB.Writer.WriteAsync(e, token).AsTask());

        // Act
        await nodeA.PublishAsync("conversation.activity_added", "{\"conversationId\":\"c1\"}", ct);

        // Assert
        var a = await onA.Reader.ReadAsync(ct);
        var b = await onB.Reader.ReadAsync(ct);
        Assert.Equal("{\"conversationId\":\"c1\"}", a.Payload);
        Assert.Equal(a, b);
        Assert.Equal(nodeA.NodeId, b.OriginNodeId);

        await nodeA.StopAsync(ct);
        await nodeB.StopAsync(ct);
    }

    [Fact]
    public async Task Listener_AfterConnectionKilled_ReconnectsAndRaisesReconnected()
    {
        var ct = TestTimeout.Token(40);
        await using var database = await TestDatabase.CreateAsync(Core.Persistence.DatabaseProvider.Postgres, ct);
        using var node = new PostgresHubEvents(database.ConnectionString, NullLogger<PostgresHubEvents>.Instance);
        await node.StartAsync(ct);
        await node.Listening.WaitAsync(ct);
        var reconnected = Channel.CreateUnbounded<HubEvent>();
        var received = Channel.CreateUnbounded<HubEvent>();
        using var s1 = node.Subscribe(HubEventTopics.Reconnected, (e, token) => reconnected.Writer.WriteAsync(e, token).AsTask());
        using var s2 = node.Subscribe("faq.changed", (e, token) => received.Writer.WriteAsync(e, token).AsTask());

        // Act: the server drops the listening connection (as on a failover).
        await using (var admin = new Npgsql.NpgsqlConnection(database.ConnectionString))
        {
            await admin.OpenAsync(ct);
            await using var kill = new Npgsql.NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query ILIKE 'LISTEN%' AND datname = current_database()", admin);
            await kill.ExecuteNonQueryAsync(ct);
        }

        // Assert: it listens again and events flow.
        await reconnected.Reader.ReadAsync(ct);
        await node.PublishAsync("faq.changed", "after", ct);
        Assert.Equal("after", (await received.Reader.ReadAsync(ct)).Payload);
        await node.StopAsync(ct);
    }
}
