using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ConversationHub.Core.Persistence;

/// <summary>
/// Per-connection settings of the embedded SQLite database. SQLite waits for a competing writer itself
/// (<c>busy_timeout</c>, sleeping a few milliseconds at a time) instead of returning SQLITE_BUSY at once, which
/// Microsoft.Data.Sqlite retries only after sleeping 150 ms: under concurrent turns that sleep was most of the
/// Direct Line reply latency (issue 5, <c>bot load</c>).
/// </summary>
/// <remarks>
/// The write-ahead log, which lets readers run beside the writer, is set once per file at start-up. With it,
/// <c>synchronous = NORMAL</c> is SQLite's recommended setting: a commit no longer waits for an fsync of the log (the
/// checkpoints still sync), so a transaction survives the process crashing, as "transcript first, then deliver"
/// needs, and only a power cut or kernel crash can lose the last commits. A deployment that needs more runs on
/// PostgreSQL.
/// </remarks>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSettings Instance = new();

    private const string Pragmas = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
