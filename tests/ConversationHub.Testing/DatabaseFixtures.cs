using ConversationHub.Core.Persistence;

namespace ConversationHub.Testing;

/// <summary>Names a provider for a persistence test class; the same suite runs once per provider.</summary>
public interface IProviderFixture
{
    DatabaseProvider Provider { get; }
}

public sealed class SqliteProvider : IProviderFixture
{
    public DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresProvider : IProviderFixture
{
    public DatabaseProvider Provider => DatabaseProvider.Postgres;
}
