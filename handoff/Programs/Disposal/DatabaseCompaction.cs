using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Programs.Disposal;

/// <summary>
/// After a disposal, makes sure the deleted rows' bytes are gone from the database's files, not only from its tables,
/// and says what was done for the record. SQLite keeps a deleted row's bytes in free pages and in the write-ahead log
/// until they are reused: the log is checkpointed and truncated, the file rebuilt (<c>VACUUM</c>), and the log truncated
/// again. PostgreSQL leaves dead row versions in its pages until vacuum reuses the space; a dump never holds them, and
/// rewriting live tables (<c>VACUUM FULL</c>) would lock the service out, so it is left to autovacuum and said so.
/// </summary>
internal static class DatabaseCompaction
{
    public static async Task<string> RunAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return "PostgreSQL: rows deleted or overwritten in the disposal's transactions; a dump (pg_dump) holds none of them. "
                + "The space of dead row versions is reclaimed by autovacuum; backups and WAL archives age out as README describes.";
        }

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var before = await CheckpointAsync(connection, cancellationToken);
            await ExecuteAsync(connection, "VACUUM;", cancellationToken);
            var after = await CheckpointAsync(connection, cancellationToken);
            var pages = await ScalarAsync(connection, "PRAGMA page_count;", cancellationToken);
            var free = await ScalarAsync(connection, "PRAGMA freelist_count;", cancellationToken);
            return string.Create(CultureInfo.InvariantCulture,
                $"SQLite: wal_checkpoint(TRUNCATE) {before}; VACUUM done; wal_checkpoint(TRUNCATE) {after}; page_count={pages}; freelist_count={free}.");
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // busy=0 means every frame was copied and the log truncated; busy=1 means a reader held it (stated in the record).
    private static async Task<string> CheckpointAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? string.Create(CultureInfo.InvariantCulture, $"busy={reader.GetInt64(0)} log={reader.GetInt64(1)} checkpointed={reader.GetInt64(2)}")
            : "no result";
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}
