using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Host.Tests.Handoff;

/// <summary>The handoff module's hand-written migrations, on top of core's, build exactly the schema of its model, on each provider.</summary>
public abstract class HandoffDbContextSchemaTests(DatabaseProvider provider)
{
    [Fact]
    public Task Migrations_BuildTheSchemaOfTheModel() =>
        SchemaDrift.AssertMigrationsMatchModelAsync(
            provider,
            db => new HandoffDbContext(TestContexts.Options<HandoffDbContext>(db, HandoffDbContext.MigrationsHistoryTable)),
            HandoffDbContext.MigrationsHistoryTable,
            MigrateCoreAsync,
            TestTimeout.Token());

    private static async Task MigrateCoreAsync(TestDatabase database, CancellationToken ct)
    {
        await using var hub = TestContexts.Hub(database);
        await hub.Database.MigrateAsync(ct);
    }
}

public sealed class SqliteHandoffDbContextSchemaTests() : HandoffDbContextSchemaTests(DatabaseProvider.Sqlite);

public sealed class PostgresHandoffDbContextSchemaTests() : HandoffDbContextSchemaTests(DatabaseProvider.Postgres);
