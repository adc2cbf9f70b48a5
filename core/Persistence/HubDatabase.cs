using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ConversationHub.Core.Persistence;

/// <summary>Configures a module's context for the provider chosen by <see cref="DatabaseOptions"/>.</summary>
public static class HubDatabase
{
    /// <summary>
    /// Points <paramref name="options"/> at the configured database. Each module keeps its migrations in its own
    /// assembly and its own history table, so modules own their tables without referencing each other.
    /// </summary>
    public static DbContextOptionsBuilder Configure(
        DbContextOptionsBuilder options,
        DatabaseProvider provider,
        string connectionString,
        string migrationsAssembly,
        string migrationsHistoryTable)
    {
        ArgumentNullException.ThrowIfNull(options);
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(connectionString, sqlite => sqlite
                    .MigrationsAssembly(migrationsAssembly)
                    .MigrationsHistoryTable(migrationsHistoryTable));
                options.AddInterceptors(SqliteConnectionSettings.Instance);
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(connectionString, npgsql => npgsql
                    .MigrationsAssembly(migrationsAssembly)
                    .MigrationsHistoryTable(migrationsHistoryTable));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider.");
        }

        // Migrations are hand-written (no design-time package here), so there is no model snapshot to diff
        // against; drift is caught by the schema comparison tests instead.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        options.ReplaceService<IModelCacheKeyFactory, PiiModelCacheKeyFactory>();
        return options;
    }

    /// <summary>
    /// Switches a SQLite database file to the write-ahead log (kept in the file, so once is enough): readers, such as
    /// the Direct Line streams, then never wait for the writer, and a commit appends to the log instead of rewriting
    /// a rollback journal. An in-memory database keeps its own mode.
    /// </summary>
    public static void UseSqliteWriteAheadLog(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        command.ExecuteNonQuery();
    }

    /// <summary>Creates the folder of a SQLite database file, which SQLite will not do itself.</summary>
    public static void EnsureSqliteDirectory(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource.StartsWith(':') || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}
