using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ConversationHub.Core.Persistence;

/// <summary>
/// Writes many rows fast, below EF Core: PostgreSQL's binary COPY, or on SQLite one prepared INSERT reused inside
/// transactions of <see cref="SqliteRowsPerTransaction"/> rows. Values are what the EF model stores: enums as their
/// names, and on SQLite GUIDs as upper-case text (EF Core's SQLite mapping) rather than Microsoft.Data.Sqlite's BLOB.
/// Used by the bench verbs' fillers and by imports of large files (a program's roster).
/// </summary>
/// <remarks>
/// On SQLite the rows are committed in several transactions: a caller that needs all or nothing writes them under a
/// key of its own (an import id) that nothing reads until it is switched on, and deletes them when the insert fails.
/// </remarks>
public sealed class BulkInserter(DbConnection connection)
{
    private const int SqliteRowsPerTransaction = 50_000;
    private const int SqliteRowsPerStatement = 100;

    // SQLite's limit on a statement's parameters (SQLITE_MAX_VARIABLE_NUMBER since 3.32).
    private const int SqliteMaxParameters = 32_766;

    /// <summary>Inserts <paramref name="rows"/> (values in the order of <paramref name="columns"/>) into <paramref name="table"/>; returns the count.</summary>
    public async Task<long> InsertAsync(string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken);
        }

        return connection switch
        {
            NpgsqlConnection postgres => await CopyAsync(postgres, table, columns, rows, cancellationToken),
            SqliteConnection sqlite => await InsertAsync(sqlite, table, columns, rows, cancellationToken),
            _ => throw new NotSupportedException($"No bulk insert for {connection.GetType().Name}."),
        };
    }

    private static async Task<long> CopyAsync(NpgsqlConnection connection, string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var names = string.Join(", ", columns.Select(c => $"\"{c}\""));
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {table} ({names}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        // Completing a COPY of millions of rows (the server checks keys and builds index entries) takes longer than a command's 30 s.
        importer.Timeout = TimeSpan.FromMinutes(30);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var value in row)
            {
                await (value switch
                {
                    null => importer.WriteNullAsync(cancellationToken),
                    string s => importer.WriteAsync(s, cancellationToken),
                    Guid g => importer.WriteAsync(g, cancellationToken),
                    DateTime d => importer.WriteAsync(d, cancellationToken),
                    DateOnly d => importer.WriteAsync(d, cancellationToken),
                    long l => importer.WriteAsync(l, cancellationToken),
                    int i => importer.WriteAsync(i, cancellationToken),
                    bool b => importer.WriteAsync(b, cancellationToken),
                    _ => throw new NotSupportedException($"No COPY writer for {value.GetType().Name}."),
                });
            }
        }

        return (long)await importer.CompleteAsync(cancellationToken);
    }

    private static async Task<long> InsertAsync(SqliteConnection connection, string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        // PERF: one statement inserts up to SqliteRowsPerStatement rows: the per-call cost of ADO.NET, not SQLite's own
        // work, dominated a one-row INSERT. The rows left over at the end go one at a time.
        var perStatement = Math.Max(1, Math.Min(SqliteRowsPerStatement, SqliteMaxParameters / columns.Count));
        await using var many = Insert(connection, table, columns, perStatement, out var manyParameters);
        await using var one = Insert(connection, table, columns, 1, out var oneParameters);
        var batch = new List<object?[]>(perStatement);
        long count = 0;
        var transaction = connection.BeginTransaction();
        try
        {
            foreach (var row in rows)
            {
                batch.Add(row);
                if (batch.Count < perStatement)
                    continue;
                await ExecuteAsync(many, manyParameters, batch, transaction, cancellationToken);
                count += batch.Count;
                batch.Clear();
                if (count % SqliteRowsPerTransaction < perStatement)
                {
                    await transaction.CommitAsync(cancellationToken);
                    await transaction.DisposeAsync();
                    transaction = connection.BeginTransaction();
                }
            }

            foreach (var row in batch)
                await ExecuteAsync(one, oneParameters, [row], transaction, cancellationToken);
            count += batch.Count;
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await transaction.DisposeAsync();
        }

        return count;
    }

    private static SqliteCommand Insert(SqliteConnection connection, string table, IReadOnlyList<string> columns, int rows, out SqliteParameter[] parameters)
    {
        var command = connection.CreateCommand();
        var values = Enumerable.Range(0, rows).Select(r => "(" + string.Join(", ", columns.Select((_, c) => string.Create(CultureInfo.InvariantCulture, $"$p{(r * columns.Count) + c}"))) + ")");
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES {string.Join(", ", values)}";
        parameters = [.. Enumerable.Range(0, rows * columns.Count).Select(i => command.Parameters.Add(new SqliteParameter(string.Create(CultureInfo.InvariantCulture, $"$p{i}"), null)))];
        return command;
    }

    private static async Task ExecuteAsync(SqliteCommand command, SqliteParameter[] parameters, List<object?[]> rows, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var p = 0;
        foreach (var row in rows)
        {
            foreach (var value in row)
            {
                parameters[p++].Value = value switch
                {
                    null => DBNull.Value,
                    Guid g => g.ToString().ToUpperInvariant(),
                    _ => value,
                };
            }
        }

        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
