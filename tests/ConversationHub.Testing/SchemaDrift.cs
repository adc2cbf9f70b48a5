using ConversationHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ConversationHub.Testing;

/// <summary>
/// Builds one database from a context's hand-written migrations and another from its EF model
/// (<c>EnsureCreated</c>), and asserts both schemas are identical, so drift fails CI.
/// </summary>
public static class SchemaDrift
{
    // EF's own bookkeeping tables differ between the two ways of creating a schema by design.
    private static readonly string[] BookkeepingTables = ["__EFMigrationsLock"];

    public static async Task AssertMigrationsMatchModelAsync(DatabaseProvider provider, Func<TestDatabase, DbContext> createContext, string historyTable, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(createContext);
        await using var migrated = await TestDatabase.CreateAsync(provider, ct);
        await using var created = await TestDatabase.CreateAsync(provider, ct);

        await using (var context = createContext(migrated))
        {
            await context.Database.MigrateAsync(ct);
        }

        await using (var context = createContext(created))
        {
            await context.Database.EnsureCreatedAsync(ct);
        }

        var ignored = new HashSet<string>([historyTable, .. BookkeepingTables], StringComparer.Ordinal);
        var fromMigrations = await SchemaSnapshot.ReadAsync(provider, migrated.ConnectionString, ignored, ct);
        var fromModel = await SchemaSnapshot.ReadAsync(provider, created.ConnectionString, ignored, ct);

        Assert.NotEmpty(fromModel);
        Assert.True(
            fromModel.SequenceEqual(fromMigrations, StringComparer.Ordinal),
            "Schema drift between migrations and model:\n only in model:\n  " + string.Join("\n  ", fromModel.Except(fromMigrations, StringComparer.Ordinal)) +
            "\n only in migrations:\n  " + string.Join("\n  ", fromMigrations.Except(fromModel, StringComparer.Ordinal)));
    }
}
