using System.Data.Common;
using ConversationHub.Core.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ConversationHub.Testing;

/// <summary>
/// A provider-level description of a database schema (tables, columns, types, nullability, indexes, keys and
/// foreign keys) as sorted lines, so two schemas can be compared and the difference printed.
/// </summary>
public static class SchemaSnapshot
{
    public static async Task<IReadOnlyList<string>> ReadAsync(DatabaseProvider provider, string connectionString, IReadOnlySet<string> ignoredTables, CancellationToken cancellationToken)
    {
        var lines = provider == DatabaseProvider.Sqlite
            ? await ReadSqliteAsync(connectionString, cancellationToken)
            : await ReadPostgresAsync(connectionString, cancellationToken);
        return [.. lines.Where(l => !ignoredTables.Contains(l.Split(' ')[1])).Order(StringComparer.Ordinal)];
    }

    private static async Task<List<string>> ReadSqliteAsync(string connectionString, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var tables = await QueryAsync(connection, "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", r => (Name: r.GetString(0), Sql: r.GetString(1)), cancellationToken);
        foreach (var (table, sql) in tables)
        {
            lines.Add($"table {table} autoincrement={sql.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase)}");
            lines.AddRange(await QueryAsync(connection, $"PRAGMA table_info('{table}')",
                r => $"column {table} {r.GetString(1)} {r.GetString(2)} notnull={r.GetInt64(3)} default={(r.IsDBNull(4) ? "" : r.GetString(4))} pk={r.GetInt64(5)}", cancellationToken));
            lines.AddRange(await QueryAsync(connection, $"PRAGMA foreign_key_list('{table}')",
                r => $"fk {table} {r.GetString(3)} -> {r.GetString(2)}.{r.GetString(4)} on_delete={r.GetString(6)}", cancellationToken));
            var indexes = await QueryAsync(connection, $"PRAGMA index_list('{table}')", r => (Name: r.GetString(1), Unique: r.GetInt64(2), Origin: r.GetString(3)), cancellationToken);
            foreach (var index in indexes.Where(i => i.Origin == "c"))
            {
                var columns = await QueryAsync(connection, $"PRAGMA index_info('{index.Name}')", r => r.GetString(2), cancellationToken);
                lines.Add($"index {table} {index.Name} unique={index.Unique} ({string.Join(",", columns)})");
            }
        }

        return lines;
    }

    private static async Task<List<string>> ReadPostgresAsync(string connectionString, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        lines.AddRange(await QueryAsync(connection,
            "SELECT table_name, column_name, data_type, coalesce(character_maximum_length, -1), is_nullable, coalesce(column_default, ''), is_identity " +
            "FROM information_schema.columns WHERE table_schema = 'public'",
            r => $"column {r.GetString(0)} {r.GetString(1)} {r.GetString(2)}({r.GetInt32(3)}) nullable={r.GetString(4)} default={r.GetString(5)} identity={r.GetString(6)}",
            cancellationToken));
        lines.AddRange(await QueryAsync(connection,
            "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'",
            r => $"index {r.GetString(0)} {r.GetString(1)} {r.GetString(2)}", cancellationToken));
        lines.AddRange(await QueryAsync(connection,
            "SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c " +
            "WHERE c.connamespace = 'public'::regnamespace AND c.contype IN ('p', 'f', 'u', 'c')",
            r => $"constraint {r.GetString(0).Trim('"')} {r.GetString(1)} {r.GetString(2)}", cancellationToken));
        return lines;
    }

    private static async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
