using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Core.Events;
using ConversationHub.Core.Persistence;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConversationHub.Core.Tests.Conversations;

/// <summary>Durable turns (claim, lease, complete once) and push-channel delivery state, on both providers.</summary>
public abstract class ConversationStoreTurnsTests(DatabaseProvider provider) : MigratedHubDatabaseTests(provider)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private readonly TestClock _time = new(new DateTimeOffset(2026, 11, 24, 1, 0, 0, TimeSpan.Zero));

    private ConversationStore Store(HubDbContext context) => new(context, TestContexts.Protector, Events, _time);

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    private TranscriptActivity Reply(Guid conversationId, string text) =>
        new(conversationId, ActivityDirection.Outbound, "message", "bot", $"{{\"type\":\"message\",\"text\":\"{text}\"}}", Now);

    private async Task<(Guid Conversation, long Sequence)> StoreQuestionAsync(ConversationChannel channel, CancellationToken ct)
    {
        await using var context = TestContexts.Hub(Database);
        var store = Store(context);
        var conversation = await store.StartAsync(channel, "citizen-" + Guid.NewGuid().ToString("N"), ct);
        var inbound = await store.AppendAsync(
            new TranscriptActivity(conversation.Id, ActivityDirection.Inbound, "message", "user", "{\"type\":\"message\",\"text\":\"住民票\"}", Now), ct);
        return (conversation.Id, inbound.Sequence);
    }

    [Fact]
    public async Task ClaimTurnAsync_TwoNodesAtOnce_ExactlyOneGetsIt()
    {
        // Arrange
        var ct = TestTimeout.Token();
        var (id, sequence) = await StoreQuestionAsync(ConversationChannel.WebChat, ct);

        // Act: eight claimants, each with its own connection, as on several nodes.
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            await using var context = TestContexts.Hub(Database);
            return await Store(context).ClaimTurnAsync(id, sequence, $"node-{i}", Now + Lease, ct);
        }));

        // Assert
        Assert.Single(claims, c => c is not null);
    }

    [Fact]
    public async Task CompleteTurnAsync_AfterLeaseTakenOver_DiscardsTheLateAnswer()
    {
        // Arrange: node A claims, then stalls past its lease; node B takes the turn over.
        var ct = TestTimeout.Token();
        var (id, sequence) = await StoreQuestionAsync(ConversationChannel.WebChat, ct);
        await using var context = TestContexts.Hub(Database);
        var store = Store(context);
        Assert.NotNull(await store.ClaimTurnAsync(id, sequence, "node-a", Now + Lease, ct));
        Assert.Null(await store.ClaimTurnAsync(id, sequence, "node-b", Now + Lease, ct));
        Assert.Empty(await store.FindPendingTurnsAsync(Now, 10, ct));
        _time.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.Contains(new PendingTurn(id, sequence, "message"), await store.FindPendingTurnsAsync(Now, 10, ct));
        Assert.NotNull(await store.ClaimTurnAsync(id, sequence, "node-b", Now + Lease, ct));

        // Act
        var lateA = await store.CompleteTurnAsync(id, sequence, "node-a", [Reply(id, "A の回答")], ct);
        var onTimeB = await store.CompleteTurnAsync(id, sequence, "node-b", [Reply(id, "B の回答"), Reply(id, "解決しましたか？")], ct);
        var again = await store.ClaimTurnAsync(id, sequence, "node-c", Now + Lease, ct);

        // Assert: one answer (B's, both parts), and the turn is never taken again.
        Assert.False(lateA);
        Assert.True(onTimeB);
        Assert.Null(again);
        await using var reader = TestContexts.Hub(Database);
        var transcript = await Store(reader).ReadAsync(id, 0, 10, ct);
        Assert.Equal(["住民票", "B の回答", "解決しましたか？"], transcript.Select(a => a.ActivityJson.Split('"')[7]));
        Assert.Equal(TurnState.Done, transcript[0].Turn);
        Assert.Empty(await Store(reader).FindPendingTurnsAsync(Now + TimeSpan.FromHours(1), 10, ct));
    }

    [Fact]
    public async Task FindPendingTurnsAsync_OnlyInboundStoredBeforeTheCutOff()
    {
        var ct = TestTimeout.Token();
        var (id, sequence) = await StoreQuestionAsync(ConversationChannel.WebChat, ct);
        await using var context = TestContexts.Hub(Database);
        await Store(context).AppendAsync(Reply(id, "ボットの発言"), ct);

        var beforeIt = await Store(context).FindPendingTurnsAsync(Now - TimeSpan.FromSeconds(1), 10, ct);
        var afterIt = await Store(context).FindPendingTurnsAsync(Now + TimeSpan.FromSeconds(1), 10, ct);

        Assert.DoesNotContain(beforeIt, t => t.ConversationId == id);
        Assert.Equal([new PendingTurn(id, sequence, "message")], afterIt.Where(t => t.ConversationId == id));
    }

    [Fact]
    public async Task PushChannelReply_IsPendingUntilDelivered_RetriedAtTheGivenTime()
    {
        // Arrange: a LINE conversation and a web chat one, each with a bot reply.
        var ct = TestTimeout.Token();
        var (line, lineSequence) = await StoreQuestionAsync(ConversationChannel.Line, ct);
        var (web, webSequence) = await StoreQuestionAsync(ConversationChannel.WebChat, ct);
        await using var context = TestContexts.Hub(Database);
        var store = Store(context);
        foreach (var (id, sequence) in new[] { (line, lineSequence), (web, webSequence) })
        {
            await store.ClaimTurnAsync(id, sequence, "node-a", Now + Lease, ct);
            await store.CompleteTurnAsync(id, sequence, "node-a", [Reply(id, "回答")], ct);
            await store.AppendAsync(new TranscriptActivity(id, ActivityDirection.Outbound, "typing", "bot", "{\"type\":\"typing\"}", Now), ct);
        }

        // Act + Assert: only the LINE reply waits for its sender (not the typing indicator), with the citizen's key.
        var due = Assert.Single(await store.FindPendingDeliveriesAsync(ConversationChannel.Line, 10, ct));
        Assert.Equal(line, due.ConversationId);
        Assert.StartsWith("citizen-", due.CitizenKey, StringComparison.Ordinal);
        Assert.Contains("回答", due.ActivityJson, StringComparison.Ordinal);
        Assert.Empty(await store.FindPendingDeliveriesAsync(ConversationChannel.WebChat, 10, ct));

        await store.MarkDeliveryFailedAsync(due.ActivityId, Now + TimeSpan.FromMinutes(1), ct);
        Assert.Empty(await store.FindPendingDeliveriesAsync(ConversationChannel.Line, 10, ct));
        _time.Advance(TimeSpan.FromMinutes(2));
        var retry = Assert.Single(await store.FindPendingDeliveriesAsync(ConversationChannel.Line, 10, ct));
        Assert.Equal(1, retry.Attempts);

        await store.MarkDeliveredAsync(retry.ActivityId, ct);
        Assert.Empty(await store.FindPendingDeliveriesAsync(ConversationChannel.Line, 10, ct));
        var stored = await context.Activities.AsNoTracking().SingleAsync(a => a.Id == retry.ActivityId, ct);
        Assert.Equal((DeliveryState.Delivered, 2), (stored.Delivery, stored.DeliveryAttempts));
    }

    [Fact]
    public async Task ReadPendingDeliveries_OneWaitingForItsRetry_ItFirstThenTheRestInOrder()
    {
        // Arrange: three LINE replies; the first failed once and waits for its retry, the third has nothing to show.
        var ct = TestTimeout.Token();
        var (line, _) = await StoreQuestionAsync(ConversationChannel.Line, ct);
        var (other, _) = await StoreQuestionAsync(ConversationChannel.Line, ct);
        await using var context = TestContexts.Hub(Database);
        var store = Store(context);
        var first = await store.AppendAsync(Reply(line, "一つ目"), ct);
        var second = await store.AppendAsync(Reply(line, "二つ目"), ct);
        var empty = await store.AppendAsync(Reply(line, ""), ct);
        await store.AppendAsync(Reply(other, "別の会話"), ct);
        await store.MarkDeliveryFailedAsync(first.Id, Now + TimeSpan.FromMinutes(1), ct);

        // Act
        await store.MarkDeliveryNotRequiredAsync(empty.Id, ct);
        var pending = await store.ReadPendingDeliveriesAsync(line, 10, ct);

        // Assert: the conversation's own, in sequence order, the one not yet due included (it holds back the others).
        Assert.Equal([first.Id, second.Id], pending.Select(a => a.Id));
        Assert.Equal((1, Now + TimeSpan.FromMinutes(1)), (pending[0].DeliveryAttempts, pending[0].NextAttemptAtUtc));
        var stored = await context.Activities.AsNoTracking().SingleAsync(a => a.Id == empty.Id, ct);
        Assert.Equal((DeliveryState.NotRequired, (DateTime?)null), (stored.Delivery, stored.NextAttemptAtUtc));
    }

    [Fact]
    public async Task FindFailedDeliveries_GivenUpOnLine_ListedForLineOnlyWithAttempts()
    {
        // Arrange
        var ct = TestTimeout.Token();
        var (line, _) = await StoreQuestionAsync(ConversationChannel.Line, ct);
        var (mail, _) = await StoreQuestionAsync(ConversationChannel.Email, ct);
        await using var context = TestContexts.Hub(Database);
        var store = Store(context);
        var failed = await store.AppendAsync(Reply(line, "届かない"), ct);
        var retried = await store.AppendAsync(Reply(line, "再送中"), ct);
        var mailFailed = await store.AppendAsync(Reply(mail, "メール"), ct);
        await store.MarkDeliveryFailedAsync(failed.Id, Now, ct);
        await store.MarkDeliveryFailedAsync(failed.Id, null, ct);
        await store.MarkDeliveryFailedAsync(retried.Id, Now + TimeSpan.FromMinutes(1), ct);
        await store.MarkDeliveryFailedAsync(mailFailed.Id, null, ct);

        // Act
        var listed = await store.FindFailedDeliveriesAsync(ConversationChannel.Line, 10, ct);

        // Assert
        Assert.Equal([new FailedDelivery(failed.Id, line, failed.Sequence, 2, failed.TimestampUtc)], listed.Where(f => f.ConversationId == line || f.ConversationId == mail));
    }
}

public sealed class SqliteConversationStoreTurnsTests() : ConversationStoreTurnsTests(DatabaseProvider.Sqlite);

public sealed class PostgresConversationStoreTurnsTests() : ConversationStoreTurnsTests(DatabaseProvider.Postgres);
