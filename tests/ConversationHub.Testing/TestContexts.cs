using ConversationHub.Core.Persistence;
using ConversationHub.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Testing;

/// <summary>Builds module contexts on a <see cref="TestDatabase"/> the way the host does.</summary>
public static class TestContexts
{
    private static readonly Lazy<IPiiProtector> SharedProtector = new(() => PiiProtectorFactory.Create(TestPii.CreateOptions(), Path.GetTempPath()));

    /// <summary>One protector for the test run (so the EF model is built once).</summary>
    public static IPiiProtector Protector => SharedProtector.Value;

    /// <summary>A module context's options on <paramref name="database"/>, with <paramref name="protector"/> or the shared one.</summary>
    public static DbContextOptions<TContext> Options<TContext>(TestDatabase database, string historyTable, IPiiProtector? protector = null)
        where TContext : DbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        HubDatabase.Configure(builder, database.Provider, database.ConnectionString, typeof(TContext).Assembly.GetName().Name!, historyTable)
            .UsePiiProtector(protector ?? Protector);
        return builder.Options;
    }

    public static HubDbContext Hub(TestDatabase database, IPiiProtector? protector = null) =>
        new(Options<HubDbContext>(database, HubDbContext.MigrationsHistoryTable, protector));
}
