using ConversationHub.Core.Persistence;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Core.Tests.Persistence;

/// <summary>The schema built by the hand-written migrations must equal the one EF derives from the model.</summary>
public abstract class HubDbContextSchemaTests(DatabaseProvider provider)
{
    [Fact]
    public Task Migrations_BuildTheSchemaOfTheModel() =>
        SchemaDrift.AssertMigrationsMatchModelAsync(provider, db => TestContexts.Hub(db), HubDbContext.MigrationsHistoryTable, TestTimeout.Token());

    [Fact]
    public async Task Migrate_Twice_IsIdempotent()
    {
        var ct = TestTimeout.Token();
        await using var database = await TestDatabase.CreateAsync(provider, ct);
        await using var context = TestContexts.Hub(database);

        await context.Database.MigrateAsync(ct);
        await context.Database.MigrateAsync(ct);

        Assert.Empty(await context.Database.GetPendingMigrationsAsync(ct));
    }
}

public sealed class SqliteHubDbContextSchemaTests() : HubDbContextSchemaTests(DatabaseProvider.Sqlite);

public sealed class PostgresHubDbContextSchemaTests() : HubDbContextSchemaTests(DatabaseProvider.Postgres);
