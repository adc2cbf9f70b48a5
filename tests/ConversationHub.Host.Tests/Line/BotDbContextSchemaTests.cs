using ConversationHub.Bot.Persistence;
using ConversationHub.Core.Persistence;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.Line;

/// <summary>The bot module's hand-written migrations build exactly the schema of its model, on each provider.</summary>
public abstract class BotDbContextSchemaTests(DatabaseProvider provider)
{
    [Fact]
    public Task Migrations_BuildTheSchemaOfTheModel() =>
        SchemaDrift.AssertMigrationsMatchModelAsync(
            provider,
            db => new BotDbContext(TestContexts.Options<BotDbContext>(db, BotDbContext.MigrationsHistoryTable), TestContexts.Protector),
            BotDbContext.MigrationsHistoryTable,
            TestTimeout.Token());
}

public sealed class SqliteBotDbContextSchemaTests() : BotDbContextSchemaTests(DatabaseProvider.Sqlite);

public sealed class PostgresBotDbContextSchemaTests() : BotDbContextSchemaTests(DatabaseProvider.Postgres);
