using System.Threading.Channels;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Core.Events;
using ConversationHub.Core.Persistence;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConversationHub.Core.Tests.Conversations;

/// <summary>The transcript's guarantees, on both providers.</summary>
public abstract class ConversationStoreTests(DatabaseProvider provider) : MigratedHubDatabaseTests(provider)
{
    private ConversationStore Store(HubDbContext context) => new(context, TestContexts.Protector, Events, TimeProvider.System);

    private static TranscriptActivity Message(Guid conversationId, string text, string? clientId = null) =>
        new(conversationId, ActivityDirection.Inbound, "message", "user", $"{{\"type\":\"message\",\"text\":\"{text}\"}}", DateTime.UtcNow) { ClientActivityId = clientId };

    [Fact]
    public async Task FindOpenAsync_ByCitizenKey_FindsOnlyOpenConversationOfThatChannel()
    {
        var ct = TestTimeout.Token();
        await using var context = TestContexts.Hub(Database);
        var store = Store(context);
        var closed = await store.StartAsync(ConversationChannel.Line, "U-citizen-1", ct);
        closed.Close("idle", DateTime.UtcNow);
        await store.SaveAsync(closed, ct);
        var open = await store.StartAsync(ConversationChannel.Line, "U-citizen-1", ct);

        await using var reader = TestContexts.Hub(Database);
        var found = await Store(reader).FindOpenAsync(ConversationChannel.Line, "U-citizen-1", ct);
        var otherChannel = await Store(reader).FindOpenAsync(ConversationChannel.WebChat, "U-citizen-1", ct);

        Assert.Equal(open.Id, found?.Id);
        Assert.Equal("U-citizen-1", found?.CitizenKey);
        Assert.Null(otherChannel);
    }

    [Fact]
    public async Task AppendAsync_ConcurrentWriters_GetGaplessUniqueSequences()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        Guid id;
        await using (var context = TestContexts.Hub(Database))
        {
            id = (await Store(context).StartAsync(ConversationChannel.WebChat, "dl-1", ct)).Id;
        }

        // Act: 20 writers, each with its own context and connection, as on several nodes.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            await using var context = TestContexts.Hub(Database);
            await Store(context).AppendAsync(Message(id, $"質問{i}"), ct);
        }));

        // Assert
        await using var reader = TestContexts.Hub(Database);
        var transcript = await Store(reader).ReadAsync(id, 0, 100, ct);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), transcript.Select(a => a.Sequence));
        Assert.Equal(20, transcript.Select(a => a.ActivityJson).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task AppendAsync_SameClientActivityIdTwice_StoresOnce()
    {
        var ct = TestTimeout.Token();
        await using var context = TestContexts.Hub(Database);
        var store = Store(context);
        var conversation = await store.StartAsync(ConversationChannel.WebChat, "dl-2", ct);

        var first = await store.AppendAsync(Message(conversation.Id, "一回目", "client-42"), ct);
        var retry = await store.AppendAsync(Message(conversation.Id, "一回目", "client-42"), ct);

        Assert.Equal(first.Id, retry.Id);
        Assert.Single(await store.ReadAsync(conversation.Id, 0, 10, ct));
    }

    [Fact]
    public async Task AppendAsync_PublishesActivityAddedAfterCommit()
    {
        var ct = TestTimeout.Token();
        var announced = Channel.CreateUnbounded<HubEvent>();
        using var _ = Events.Subscribe(ConversationEventTopics.ActivityAdded, (e, token) => announced.Writer.WriteAsync(e, token).AsTask());
        await using var context = TestContexts.Hub(Database);
        var store = Store(context);
        var conversation = await store.StartAsync(ConversationChannel.WebChat, "dl-3", ct);

        await store.AppendAsync(Message(conversation.Id, "こんにちは"), ct);
        var hubEvent = await announced.Reader.ReadAsync(ct);

        Assert.Contains(conversation.Id.ToString(), hubEvent.Payload, StringComparison.Ordinal);
        await using var reader = TestContexts.Hub(Database);
        Assert.Single(await Store(reader).ReadAsync(conversation.Id, 0, 10, ct));
    }

    [Fact]
    public async Task AppendAsync_ActivityPreparedEarlierButStoredLater_GetsATimestampAfterItsPredecessor()
    {
        // Arrange: two writers prepared activities concurrently; the one with the earlier clock commits second.
        var ct = TestTimeout.Token();
        await using var context = TestContexts.Hub(Database);
        var store = Store(context);
        var conversation = await store.StartAsync(ConversationChannel.WebChat, "dl-6", ct);
        var later = new DateTime(2026, 11, 24, 1, 0, 0, 500, DateTimeKind.Utc);
        await store.AppendAsync(new TranscriptActivity(conversation.Id, ActivityDirection.Inbound, "message", "user", "{\"type\":\"message\",\"timestamp\":\"2026-11-24T01:00:00.500Z\"}", later), ct);

        // Act
        var stored = await store.AppendAsync(new TranscriptActivity(conversation.Id, ActivityDirection.Outbound, "message", "bot", "{\"type\":\"message\",\"timestamp\":\"2026-11-24T01:00:00.400Z\"}", later.AddMilliseconds(-100)), ct);

        // Assert
        Assert.Equal(later.AddMilliseconds(1), stored.TimestampUtc);
        Assert.Contains("\"timestamp\":\"2026-11-24T01:00:00.501Z\"", stored.ActivityJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppendAsync_UnknownConversation_ThrowsAndStoresNothing()
    {
        var ct = TestTimeout.Token();
        await using var context = TestContexts.Hub(Database);

        await Assert.ThrowsAsync<KeyNotFoundException>(() => Store(context).AppendAsync(Message(Guid.NewGuid(), "x"), ct));
    }

    [Fact]
    public async Task ReadAsync_AfterWatermark_ReturnsOnlyLaterActivities()
    {
        var ct = TestTimeout.Token();
        await using var context = TestContexts.Hub(Database);
        var store = Store(context);
        var conversation = await store.StartAsync(ConversationChannel.WebChat, "dl-4", ct);
        for (var i = 0; i < 5; i++)
        {
            await store.AppendAsync(Message(conversation.Id, $"m{i}"), ct);
        }

        var later = await store.ReadAsync(conversation.Id, 3, 10, ct);

        Assert.Equal([4L, 5L], later.Select(a => a.Sequence));
    }

    [Fact]
    public async Task SaveAsync_TwoNodesMoveTheSameConversation_SecondFails()
    {
        var ct = TestTimeout.Token();
        Guid id;
        await using (var context = TestContexts.Hub(Database))
        {
            id = (await Store(context).StartAsync(ConversationChannel.WebChat, "dl-5", ct)).Id;
        }

        await using var nodeA = TestContexts.Hub(Database);
        await using var nodeB = TestContexts.Hub(Database);
        var a = (await Store(nodeA).FindAsync(id, ct))!;
        var b = (await Store(nodeB).FindAsync(id, ct))!;
        a.RequestHandoff("user_request", DateTime.UtcNow);
        b.RequestHandoff("user_request", DateTime.UtcNow);

        await Store(nodeA).SaveAsync(a, ct);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => Store(nodeB).SaveAsync(b, ct));
    }

    [Fact]
    public async Task Transcript_IsEncryptedAtRest()
    {
        var ct = TestTimeout.Token();
        await using var context = TestContexts.Hub(Database);
        var store = Store(context);
        var conversation = await store.StartAsync(ConversationChannel.WebChat, "dl-secret-user", ct);
        await store.AppendAsync(Message(conversation.Id, "私の電話番号は09012345678です"), ct);

        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT c.\"CitizenKey\" || ' ' || a.\"ActivityJson\" FROM conversations c JOIN conversation_activities a ON a.\"ConversationId\" = c.\"Id\"";
        var raw = (string)(await command.ExecuteScalarAsync(ct))!;

        Assert.DoesNotContain("09012345678", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("dl-secret-user", raw, StringComparison.Ordinal);
    }
}

public sealed class SqliteConversationStoreTests() : ConversationStoreTests(DatabaseProvider.Sqlite);

public sealed class PostgresConversationStoreTests() : ConversationStoreTests(DatabaseProvider.Postgres);
