using System.Text.Json;
using ConversationHub.Bot.Line.Infrastructure;
using ConversationHub.Bot.Line.Webhook;
using ConversationHub.Bot.Persistence;
using ConversationHub.Core.Persistence;
using ConversationHub.Core.Security;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.Line;

/// <summary>The inbox is durable: an event stored but not processed before a node stopped is processed on start.</summary>
public sealed class LineInboxRestartTests
{
    [Fact]
    public async Task Start_PendingInboxEvent_ProcessedAndAnswered()
    {
        // Arrange: a node migrated the database and stopped right after storing an event (answered 200, then crashed).
        var ct = TestTimeout.Token(120);
        await using var stub = await LineStubApi.StartAsync();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, ct);
        var pii = TestPii.CreateOptions();
        var settings = LineHostFixture.Settings(stub.BaseUrl);
        await using (HubHost.Start(database, ownsDatabase: false, pii, settings))
        {
        }

        var user = LineWebhookClient.NewUserId();
        var protector = PiiProtectorFactory.Create(pii, Path.GetTempPath());
        await using (var db = new BotDbContext(TestContexts.Options<BotDbContext>(database, BotDbContext.MigrationsHistoryTable, protector)))
        {
            using var signal = new LineInboxSignal();
            using var callback = JsonDocument.Parse(LineWebhookClient.Body(LineWebhookClient.Text(user, "こんにちは", "restart-1")));
            Assert.Equal(1, await new LineWebhookInbox(db, protector, signal, TimeProvider.System).AcceptAsync(callback.RootElement, ct));
        }

        // Act
        await using var restarted = HubHost.Start(database, ownsDatabase: false, pii, settings);

        // Assert
        var reply = await Eventually.UntilAsync(() => stub.Replies("restart-1").FirstOrDefault(), "the reply after restart", ct);
        Assert.Equal(200, reply.Status);
    }
}
