using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
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
/// <para>
/// PERF: both settings belong to the physical connection, which Microsoft.Data.Sqlite pools and hands back on every
/// open; EF Core opens the connection once per query, so the pragmas run only the first time a physical connection
/// (its native handle) is seen, not before every query of a bot turn.
/// </para>
/// </remarks>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSettings Instance = new();

    private const string Pragmas = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL;";

    // Keyed by the native handle, which lives as long as the physical connection; an entry goes with its handle.
    private readonly ConditionalWeakTable<object, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (IsConfigured(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        MarkConfigured(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (IsConfigured(connection))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        MarkConfigured(connection);
    }

    private bool IsConfigured(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && _configured.TryGetValue(handle, out _);

    private void MarkConfigured(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            _configured.AddOrUpdate(handle, handle);
        }
    }
}
