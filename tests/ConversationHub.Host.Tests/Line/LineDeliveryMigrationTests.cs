using System.Text.Json.Nodes;
using ConversationHub.Bot.Persistence;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Persistence;
using ConversationHub.Core.Security;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Host.Tests.Line;

/// <summary>
/// A database written by the sender that kept its own outbox migrates forward without losing what was pending: the
/// outbox's state moves into the transcript, a pending push is retried under the key it already had, a message the
/// outbox had delivered is not sent again, and one the outbox never saw is sent.
/// </summary>
public abstract class LineDeliveryMigrationTests(DatabaseProvider provider)
{
    private const string OutboxMigration = "20261124000400_LineChannel";

    [Fact]
    public async Task Migrate_OutboxRowsOfTheOldSender_PendingSentUnderItsKeyDeliveredNotResent()
    {
        // Arrange: the old schema, a LINE conversation with three bot messages, the transcript's mirror behind the outbox.
        var ct = TestTimeout.Token(120);
        await using var stub = await LineStubApi.StartAsync();
        await using var database = await TestDatabase.CreateAsync(provider, ct);
        var pii = TestPii.CreateOptions();
        var protector = PiiProtectorFactory.Create(pii, Path.GetTempPath());
        var user = LineWebhookClient.NewUserId();
        var now = DateTime.UtcNow;
        var conversation = new Conversation(ConversationChannel.Line, user, now) { CitizenKeyHash = "not-looked-up-" + user, LastSequence = 3 };
        var delivered = Message(conversation.Id, 1, "届いた案内", now);
        var retrying = Message(conversation.Id, 2, "再送待ちの案内", now);
        var unseen = Message(conversation.Id, 3, "未登録の案内", now);
        var (deliveredKey, retryingKey) = (Guid.NewGuid(), Guid.NewGuid());
        await using (var hub = TestContexts.Hub(database, protector))
        {
            await hub.Database.MigrateAsync(ct);
            hub.Conversations.Add(conversation);
            hub.Activities.AddRange(delivered, retrying, unseen);
            await hub.SaveChangesAsync(ct);
        }

        await using (var bot = new BotDbContext(TestContexts.Options<BotDbContext>(database, BotDbContext.MigrationsHistoryTable, protector)))
        {
            await bot.GetService<IMigrator>().MigrateAsync(OutboxMigration, ct);
            await InsertOutboxRowAsync(bot, delivered, "Delivered", 1, null, deliveredKey, "push", null, ct);
            await InsertOutboxRowAsync(bot, retrying, "Pending", 1, now, retryingKey, null, "push: 500 stub failure", ct);
        }

        // Act
        await using var host = HubHost.Start(database, ownsDatabase: false, pii, LineHostFixture.Settings(stub.BaseUrl));

        // Assert
        var deliveries = await Eventually.UntilAsync(async () => await LineDeliveryView.ForConversationAsync(host, conversation.Id, ct) is { Count: 3 } all
            && all.All(d => d.State == DeliveryState.Delivered) ? all : null, "the pending messages delivered", ct);
        var pushes = stub.Pushes(user).ToList();
        Assert.Equal(2, pushes.Count);
        Assert.Equal((retryingKey.ToString(), "再送待ちの案内"), (pushes[0].RetryKey, FirstText(pushes[0])));
        Assert.Equal("未登録の案内", FirstText(pushes[1]));
        Assert.Equal([1, 2, 1], deliveries.Select(d => d.Attempts));
        Assert.Equal([deliveredKey, retryingKey], deliveries.Take(2).Select(d => d.Line!.RetryKey));
        Assert.All(deliveries, d => Assert.Equal(("push", (string?)null), (d.Method, d.Line!.LastError)));
    }

    [Fact]
    public async Task MigrateDown_TranscriptDeliveryState_BackInTheOutboxPendingUnderItsKey()
    {
        // Arrange: today's schema, one message delivered and one waiting for its retry under a stored key (and a later
        // deploy of the old code to roll back to).
        var ct = TestTimeout.Token(60);
        await using var database = await TestDatabase.CreateAsync(provider, ct);
        var now = DateTime.UtcNow;
        var conversation = new Conversation(ConversationChannel.Line, LineWebhookClient.NewUserId(), now) { CitizenKeyHash = "not-looked-up", LastSequence = 2 };
        var delivered = Message(conversation.Id, 1, "届いた案内", now);
        delivered.Delivery = DeliveryState.Delivered;
        delivered.DeliveryAttempts = 1;
        var retrying = Message(conversation.Id, 2, "再送待ちの案内", now);
        retrying.DeliveryAttempts = 2;
        retrying.NextAttemptAtUtc = now.AddMinutes(1);
        var retryKey = Guid.NewGuid();
        await using (var hub = TestContexts.Hub(database))
        {
            await hub.Database.MigrateAsync(ct);
            hub.Conversations.Add(conversation);
            hub.Activities.AddRange(delivered, retrying);
            await hub.SaveChangesAsync(ct);
        }

        await using var bot = new BotDbContext(TestContexts.Options<BotDbContext>(database, BotDbContext.MigrationsHistoryTable));
        await bot.Database.MigrateAsync(ct);
        bot.LineDeliveries.Add(new Bot.Line.Delivery.LineDelivery(retrying.Id, now) { RetryKey = retryKey, LastError = "push: 500" });
        await bot.SaveChangesAsync(ct);

        // Act
        await bot.GetService<IMigrator>().MigrateAsync(OutboxMigration, ct);

        // Assert: the old sender's outbox holds both as they stand (the delivered one is not sent again), the pending
        // one under the same key.
        var rows = await bot.Database.SqlQuery<OutboxRow>($"""SELECT "ActivityId", "ConversationId", "Sequence", "State", "Attempts", "RetryKey" FROM line_deliveries""").ToListAsync(ct);
        Assert.Equal(
            [(delivered.Id, conversation.Id, 1L, "Delivered", 1, (Guid?)null), (retrying.Id, conversation.Id, 2L, "Pending", 2, retryKey)],
            rows.OrderBy(r => r.Sequence).Select(r => (r.ActivityId, r.ConversationId, r.Sequence, r.State, r.Attempts, r.RetryKey)));
    }

    private static TranscriptActivity Message(Guid conversationId, long sequence, string text, DateTime now)
    {
        var json = new JsonObject { ["type"] = "message", ["text"] = text, ["textFormat"] = "plain" };
        return new TranscriptActivity(conversationId, ActivityDirection.Outbound, "message", "bot", json.ToJsonString(), now.AddMilliseconds(sequence))
        {
            Sequence = sequence,
            Delivery = DeliveryState.Pending,
        };
    }

    private static Task<int> InsertOutboxRowAsync(BotDbContext bot, TranscriptActivity activity, string state, int attempts, DateTime? nextAttemptAtUtc,
        Guid retryKey, string? method, string? lastError, CancellationToken ct) =>
        bot.Database.ExecuteSqlAsync($"""
            INSERT INTO line_deliveries ("ActivityId", "ConversationId", "Sequence", "State", "Attempts", "NextAttemptAtUtc", "RetryKey", "Method", "LastError", "CreatedAtUtc", "UpdatedAtUtc")
            VALUES ({activity.Id}, {activity.ConversationId}, {activity.Sequence}, {state}, {attempts}, {nextAttemptAtUtc}, {retryKey}, {method}, {lastError}, {activity.TimestampUtc}, {activity.TimestampUtc})
            """, ct);

    private sealed class OutboxRow
    {
        public Guid ActivityId { get; set; }

        public Guid ConversationId { get; set; }

        public long Sequence { get; set; }

        public string State { get; set; } = "";

        public int Attempts { get; set; }

        public Guid? RetryKey { get; set; }
    }

    private static string FirstText(LineStubCall call) => call.Json.GetProperty("messages")[0].GetProperty("text").GetString()!;
}

public sealed class SqliteLineDeliveryMigrationTests() : LineDeliveryMigrationTests(DatabaseProvider.Sqlite);

public sealed class PostgresLineDeliveryMigrationTests() : LineDeliveryMigrationTests(DatabaseProvider.Postgres);
