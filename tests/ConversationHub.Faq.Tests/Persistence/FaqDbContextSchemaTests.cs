using ConversationHub.Core.Persistence;
using ConversationHub.Faq.Persistence;
using ConversationHub.Testing;

namespace ConversationHub.Faq.Tests.Persistence;

public abstract class FaqDbContextSchemaTests(DatabaseProvider provider)
{
    [Fact]
    public Task Migrations_BuildTheSchemaOfTheModel() =>
        SchemaDrift.AssertMigrationsMatchModelAsync(
            provider,
            db => new FaqDbContext(TestContexts.Options<FaqDbContext>(db, FaqDbContext.MigrationsHistoryTable)),
            FaqDbContext.MigrationsHistoryTable,
            TestTimeout.Token());
}

public sealed class SqliteFaqDbContextSchemaTests() : FaqDbContextSchemaTests(DatabaseProvider.Sqlite);

public sealed class PostgresFaqDbContextSchemaTests() : FaqDbContextSchemaTests(DatabaseProvider.Postgres);
