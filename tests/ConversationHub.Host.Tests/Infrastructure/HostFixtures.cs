using ConversationHub.Core.Persistence;

namespace ConversationHub.Host.Tests.Infrastructure;

/// <summary>One running platform per test class and provider (start-up seeds the demo city, which takes a few seconds).</summary>
public abstract class HostFixture(DatabaseProvider provider) : IAsyncLifetime
{
    public HubHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await HubHost.StartAsync(provider);

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

public sealed class SqliteHostFixture() : HostFixture(DatabaseProvider.Sqlite);

public sealed class PostgresHostFixture() : HostFixture(DatabaseProvider.Postgres);
