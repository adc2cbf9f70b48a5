using ConversationHub.Core.Persistence;
using ConversationHub.Testing;
using ConversationHub.VoiceBridge.Persistence;

namespace ConversationHub.Host.Tests.Voice;

/// <summary>The voice module's hand-written migrations build exactly the schema of its model, on each provider.</summary>
public abstract class VoiceDbContextSchemaTests(DatabaseProvider provider)
{
    [Fact]
    public Task Migrations_BuildTheSchemaOfTheModel() =>
        SchemaDrift.AssertMigrationsMatchModelAsync(
            provider,
            db => new VoiceDbContext(TestContexts.Options<VoiceDbContext>(db, VoiceDbContext.MigrationsHistoryTable)),
            VoiceDbContext.MigrationsHistoryTable,
            TestTimeout.Token());
}

public sealed class SqliteVoiceDbContextSchemaTests() : VoiceDbContextSchemaTests(DatabaseProvider.Sqlite);

public sealed class PostgresVoiceDbContextSchemaTests() : VoiceDbContextSchemaTests(DatabaseProvider.Postgres);
