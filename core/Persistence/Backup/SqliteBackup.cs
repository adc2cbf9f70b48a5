using Microsoft.Data.Sqlite;

namespace ConversationHub.Core.Persistence.Backup;

/// <summary>
/// Online backup and restore of the embedded SQLite database with SQLite's own backup API: the copy is one consistent
/// snapshot taken while the platform keeps serving (readers and the writer carry on; the copy sees every transaction
/// committed before it started and none half-done), written beside the target and renamed into place only once it
/// has passed <c>PRAGMA integrity_check</c>, so a failed or interrupted run never leaves a file that looks complete.
/// </summary>
public static class SqliteBackup
{
    /// <summary>The core module's migration history, present in every platform database.</summary>
    private const string CoreHistoryTable = HubDbContext.MigrationsHistoryTable;

    /// <summary>Copies the live database at <paramref name="connectionString"/> into the new file <paramref name="outputPath"/>.</summary>
    public static async Task<BackupSummary> BackupAsync(string connectionString, string outputPath, CancellationToken cancellationToken)
    {
        var source = DatabaseFileOf(connectionString);
        if (!File.Exists(source))
            throw new BackupException($"There is no database at {source} to back up.");
        var target = Path.GetFullPath(outputPath);
        if (File.Exists(target))
            throw new BackupException($"{target} already exists; choose a new file name (a backup never overwrites one).");
        if (string.Equals(target, Path.GetFullPath(source), StringComparison.Ordinal))
            throw new BackupException("The backup file cannot be the database itself.");

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await using (var from = new SqliteConnection(ReadOnly(source)))
        {
            await from.OpenAsync(cancellationToken);
            await CopyAsync(from, target, cancellationToken);
        }

        return await SummariseAsync(target, cancellationToken);
    }

    /// <summary>
    /// Restores <paramref name="backupPath"/> as the database at <paramref name="connectionString"/>, which must not
    /// exist yet: a restore goes into an empty data folder and never over a database that may hold newer data.
    /// </summary>
    public static async Task<BackupSummary> RestoreAsync(string backupPath, string connectionString, CancellationToken cancellationToken)
    {
        var source = Path.GetFullPath(backupPath);
        if (!File.Exists(source))
            throw new BackupException($"There is no backup file at {source}.");
        var target = DatabaseFileOf(connectionString);
        foreach (var existing in new[] { target, target + "-wal", target + "-shm" })
        {
            if (File.Exists(existing))
                throw new BackupException($"{existing} exists. Restore into an empty data folder: move the current database away first (nothing was changed).");
        }

        var checkedBackup = await SummariseAsync(source, cancellationToken);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await using (var from = new SqliteConnection(ReadOnly(source)))
        {
            await from.OpenAsync(cancellationToken);
            await CopyAsync(from, target, cancellationToken);
        }

        return checkedBackup with { Path = target };
    }

    /// <summary>Checks that <paramref name="path"/> is an intact platform database and says what it holds.</summary>
    public static async Task<BackupSummary> SummariseAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new SqliteConnection(ReadOnly(path));
            await connection.OpenAsync(cancellationToken);
            var integrity = await ScalarAsync(connection, "PRAGMA integrity_check;", cancellationToken);
            if (!string.Equals(integrity, "ok", StringComparison.Ordinal))
                throw new BackupException($"{path} failed SQLite's integrity check: {integrity}");
            var history = await ScalarAsync(connection, $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{CoreHistoryTable}';", cancellationToken);
            if (history != "1")
                throw new BackupException($"{path} is a SQLite file but not a ConversationHub database (no {CoreHistoryTable} table).");
            var latest = await ScalarAsync(connection, $"SELECT max(MigrationId) FROM \"{CoreHistoryTable}\";", cancellationToken);
            var tables = int.Parse(await ScalarAsync(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table';", cancellationToken) ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            return new BackupSummary(path, new FileInfo(path).Length, tables, latest ?? "");
        }
        catch (SqliteException error)
        {
            throw new BackupException($"{path} is not a readable SQLite database: {error.Message}", error);
        }
    }

    /// <summary>The database file a SQLite connection string names, as a full path.</summary>
    public static string DatabaseFileOf(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource.StartsWith(':') || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            throw new BackupException($"The configured SQLite database ({dataSource}) is not a plain file; backup needs a file path.");
        return Path.GetFullPath(dataSource);
    }

    // The copy is written as "<target>.partial", checked, switched out of WAL mode so it is one self-contained file,
    // then renamed: a reader of the target name only ever sees a finished, verified copy.
    private static async Task CopyAsync(SqliteConnection from, string target, CancellationToken cancellationToken)
    {
        var partial = target + ".partial";
        File.Delete(partial);
        try
        {
            await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
            {
                await to.OpenAsync(cancellationToken);
                await ScalarAsync(from, "PRAGMA busy_timeout = 30000;", cancellationToken);
                await ScalarAsync(to, "PRAGMA busy_timeout = 30000;", cancellationToken);
                await CopyWhileBusyAsync(from, to, cancellationToken);
                await ScalarAsync(to, "PRAGMA journal_mode = DELETE;", cancellationToken);
            }

            await SummariseAsync(partial, cancellationToken);
            File.Move(partial, target);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    // The copy is one step over a read snapshot; a writer's commit or checkpoint can hold the lock it needs for a
    // moment (SQLITE_BUSY / SQLITE_LOCKED, seen while citizens chat), so the step is simply taken again.
    private static async Task CopyWhileBusyAsync(SqliteConnection from, SqliteConnection to, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                from.BackupDatabase(to);
                return;
            }
            catch (SqliteException error) when (error.SqliteErrorCode is 5 or 6 && attempt < 100)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
        }
    }

    private static string ReadOnly(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
