using ConversationHub.Bot.Persistence;
using ConversationHub.Core.Persistence;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Host.Tests.Line;

/// <summary>The bot module's hand-written migrations, on top of core's, build exactly the schema of its model, on each provider.</summary>
public abstract class BotDbContextSchemaTests(DatabaseProvider provider)
{
    [Fact]
    public Task Migrations_BuildTheSchemaOfTheModel() =>
        SchemaDrift.AssertMigrationsMatchModelAsync(
            provider,
            db => new BotDbContext(TestContexts.Options<BotDbContext>(db, BotDbContext.MigrationsHistoryTable)),
            BotDbContext.MigrationsHistoryTable,
            MigrateCoreAsync,
            TestTimeout.Token());

    // The bot's migrations run after core's in the host, and one of them moves LINE delivery state into core's transcript.
    private static async Task MigrateCoreAsync(TestDatabase database, CancellationToken ct)
    {
        await using var hub = TestContexts.Hub(database);
        await hub.Database.MigrateAsync(ct);
    }
}

public sealed class SqliteBotDbContextSchemaTests() : BotDbContextSchemaTests(DatabaseProvider.Sqlite);

public sealed class PostgresBotDbContextSchemaTests() : BotDbContextSchemaTests(DatabaseProvider.Postgres);
