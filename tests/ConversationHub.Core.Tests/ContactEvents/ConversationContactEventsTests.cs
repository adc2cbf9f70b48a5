using ConversationHub.Core.ContactEvents.Domain;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Core.Events;
using ConversationHub.Core.Persistence;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

using ConversationHub.Core.Tests.Conversations;

namespace ConversationHub.Core.Tests.ContactEvents;

/// <summary>The conversation store records the contact events of owner transitions with the transitions, on both providers.</summary>
public abstract class ConversationContactEventsTests(DatabaseProvider provider) : MigratedHubDatabaseTests(provider)
{
    private static readonly DateTime Start = new(2026, 12, 7, 0, 30, 0, DateTimeKind.Utc);
    private readonly TestClock _clock = new(Start);

    private ConversationStore Store(HubDbContext context) => new(context, TestContexts.Protector, Events, _clock);

    private async Task<List<ContactEvent>> StoredAsync(Guid conversationId)
    {
        await using var reader = TestContexts.Hub(Database);
        return await reader.ContactEvents.AsNoTracking().Where(e => e.ConversationId == conversationId).OrderBy(e => e.Id).ToListAsync(TestTimeout.Token());
    }

    [Fact]
    public async Task SaveAsync_HandedOffAnsweredRequeuedTransferredClosed_RecordsOneEventPerContactStep()
    {
        // Arrange
        var ct = TestTimeout.Token();
        var (first, second, third) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await using var context = TestContexts.Hub(Database);
        var store = Store(context);
        var conversation = await store.StartAsync(ConversationChannel.Voice, "call-1", ct);

        // Act
        conversation.RequestHandoff("user_request", Start.AddSeconds(5), "koseki");
        await store.SaveAsync(conversation, ct);
        conversation.AssignAgent(first, Start.AddSeconds(5 + 9.9));
        await store.SaveAsync(conversation, ct);
        conversation.Requeue("agent_lost", Start.AddMinutes(2));
        await store.SaveAsync(conversation, ct);
        conversation.AssignAgent(second, Start.AddMinutes(3));
        await store.SaveAsync(conversation, ct);
        conversation.Transfer(third, Start.AddMinutes(4));
        await store.SaveAsync(conversation, ct);
        conversation.CloseByAgent("agent_closed", Start.AddMinutes(5), Start.AddMinutes(15), "resolved");
        await store.SaveAsync(conversation, ct);

        // Assert: the return to an agent after the requeue is not a second answer.
        var stored = await StoredAsync(conversation.Id);
        Assert.Equal(
            [ContactEventKind.Arrived, ContactEventKind.HandedOff, ContactEventKind.Answered, ContactEventKind.Transferred, ContactEventKind.Closed],
            stored.Select(e => e.Kind));
        Assert.All(stored, e => Assert.Equal(ContactChannel.Voice, e.Channel));
        Assert.Equal(Start, stored[0].OccurredAtUtc);
        Assert.Equal("koseki", stored[1].Category);
        Assert.Equal((first, 9_900L), (stored[2].AgentId!.Value, stored[2].WaitMs!.Value));
        Assert.Equal(third, stored[3].AgentId);
        Assert.Equal((third, "resolved", Start.AddMinutes(5)), (stored[4].AgentId!.Value, stored[4].WrapUpCode, stored[4].OccurredAtUtc));
    }

    [Fact]
    public async Task SaveAsync_AbandonedInTheQueue_RecordsTheWait()
    {
        var ct = TestTimeout.Token();
        await using var context = TestContexts.Hub(Database);
        var store = Store(context);
        var conversation = await store.StartAsync(ConversationChannel.Line, "U-1", ct);
        conversation.RequestHandoff("user_request", Start.AddSeconds(1));
        await store.SaveAsync(conversation, ct);

        conversation.Abandon(Start.AddSeconds(1 + 10.1));
        await store.SaveAsync(conversation, ct);

        var abandoned = (await StoredAsync(conversation.Id)).Single(e => e.Kind == ContactEventKind.Abandoned);
        Assert.Equal(10_100, abandoned.WaitMs);
    }

    [Fact]
    public async Task SaveAsync_ClosedByTheBot_IsNotAnAgentClose()
    {
        var ct = TestTimeout.Token();
        await using var context = TestContexts.Hub(Database);
        var store = Store(context);
        var conversation = await store.StartAsync(ConversationChannel.Voice, "call-2", ct);

        conversation.Close("idle", Start.AddMinutes(30));
        await store.SaveAsync(conversation, ct);

        Assert.Equal([ContactEventKind.Arrived], (await StoredAsync(conversation.Id)).Select(e => e.Kind));
    }

    [Theory]
    [InlineData(ConversationChannel.WebChat, ContactChannel.WebChat)]
    [InlineData(ConversationChannel.Line, ContactChannel.Line)]
    public async Task AppendAsync_ChatArrivesWithTheCitizensFirstMessage_NotWhenTheWidgetOrFriendshipStartsIt(ConversationChannel channel, ContactChannel expected)
    {
        // Arrange: the widget got its token (or the citizen added the LINE account), and the bot greeted.
        var ct = TestTimeout.Token();
        await using var context = TestContexts.Hub(Database);
        var store = Store(context);
        var conversation = await store.StartAsync(channel, "citizen-" + channel, ct);
        await store.AppendAsync(new TranscriptActivity(conversation.Id, ActivityDirection.Inbound, "event", "user", "{\"type\":\"event\"}", Start), ct);
        await store.AppendAsync(new TranscriptActivity(conversation.Id, ActivityDirection.Outbound, "message", "bot", "{\"type\":\"message\"}", Start.AddSeconds(1)), ct);
        Assert.Empty(await StoredAsync(conversation.Id));

        // Act: the citizen asks twice.
        await store.AppendAsync(new TranscriptActivity(conversation.Id, ActivityDirection.Inbound, "message", "user", "{\"type\":\"message\"}", Start.AddMinutes(2)), ct);
        await store.AppendAsync(new TranscriptActivity(conversation.Id, ActivityDirection.Inbound, "message", "user", "{\"type\":\"message\"}", Start.AddMinutes(3)), ct);

        // Assert: one arrival, at the first question.
        var arrived = Assert.Single(await StoredAsync(conversation.Id));
        Assert.Equal((ContactEventKind.Arrived, expected, Start.AddMinutes(2)), (arrived.Kind, arrived.Channel, arrived.OccurredAtUtc));
    }

    [Fact]
    public async Task SaveAsync_StaleVersion_StoresNeitherTheChangeNorItsEvent()
    {
        // Arrange: two nodes load the queued conversation; the first takes it.
        var ct = TestTimeout.Token();
        Guid id;
        await using (var context = TestContexts.Hub(Database))
        {
            var conversation = await Store(context).StartAsync(ConversationChannel.WebChat, "dl-3", ct);
            conversation.RequestHandoff("user_request", Start);
            await Store(context).SaveAsync(conversation, ct);
            id = conversation.Id;
        }

        await using var nodeA = TestContexts.Hub(Database);
        await using var nodeB = TestContexts.Hub(Database);
        var a = (await Store(nodeA).FindAsync(id, ct))!;
        var b = (await Store(nodeB).FindAsync(id, ct))!;
        a.AssignAgent(Guid.NewGuid(), Start.AddSeconds(3));
        await Store(nodeA).SaveAsync(a, ct);

        // Act: the second node's stale save fails.
        b.AssignAgent(Guid.NewGuid(), Start.AddSeconds(4));
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => Store(nodeB).SaveAsync(b, ct));

        // Assert
        var answered = (await StoredAsync(id)).Single(e => e.Kind == ContactEventKind.Answered);
        Assert.Equal(3_000, answered.WaitMs);
    }
}

public sealed class SqliteConversationContactEventsTests() : ConversationContactEventsTests(DatabaseProvider.Sqlite);

public sealed class PostgresConversationContactEventsTests() : ConversationContactEventsTests(DatabaseProvider.Postgres);
