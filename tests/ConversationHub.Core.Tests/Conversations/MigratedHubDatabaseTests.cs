using ConversationHub.Core.Events;
using ConversationHub.Core.Persistence;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConversationHub.Core.Tests.Conversations;

/// <summary>Tests of core's stores on a fresh, migrated database of one provider, with in-process hub events.</summary>
public abstract class MigratedHubDatabaseTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly InProcessHubEvents _events = new(NullLogger<InProcessHubEvents>.Instance);

    protected IHubEvents Events => _events;

    protected TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(provider);
        await using var context = TestContexts.Hub(Database);
        await context.Database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        await _events.DisposeAsync();
        await Database.DisposeAsync();
    }
}
