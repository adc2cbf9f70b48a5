using ConversationHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
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

    public static Task AssertMigrationsMatchModelAsync(DatabaseProvider provider, Func<TestDatabase, DbContext> createContext, string historyTable, CancellationToken ct) =>
        AssertMigrationsMatchModelAsync(provider, createContext, historyTable, prerequisite: null, ct);

    /// <param name="provider">The database engine.</param>
    /// <param name="createContext">The context under test, on a given database.</param>
    /// <param name="historyTable">The context's migrations history table (not part of the model).</param>
    /// <param name="prerequisite">
    /// Builds, on both databases first, the schema the context's migrations rely on (another module's tables that a
    /// data migration reads); the model's tables are then created beside it. Null when the context stands alone.
    /// </param>
    /// <param name="ct">Cancellation.</param>
    public static async Task AssertMigrationsMatchModelAsync(DatabaseProvider provider, Func<TestDatabase, DbContext> createContext, string historyTable,
        Func<TestDatabase, CancellationToken, Task>? prerequisite, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(createContext);
        await using var migrated = await TestDatabase.CreateAsync(provider, ct);
        await using var created = await TestDatabase.CreateAsync(provider, ct);
        if (prerequisite is not null)
        {
            await prerequisite(migrated, ct);
            await prerequisite(created, ct);
        }

        await using (var context = createContext(migrated))
        {
            await context.Database.MigrateAsync(ct);
        }

        await using (var context = createContext(created))
        {
            // EnsureCreated does nothing on a database that already has tables (the prerequisite's).
            if (prerequisite is null)
            {
                await context.Database.EnsureCreatedAsync(ct);
            }
            else
            {
                await context.GetService<IRelationalDatabaseCreator>().CreateTablesAsync(ct);
            }
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
