using ConversationHub.Core.Persistence;
using ConversationHub.Core.Persistence.Backup;
using ConversationHub.Core.Security;
using Npgsql;

namespace ConversationHub.Host.Admin;

/// <summary>
/// <c>admin backup --out &lt;file&gt;</c> and <c>admin restore --from &lt;file&gt;</c>: a consistent online backup of the
/// embedded SQLite database while the platform serves, and its restore into an empty data folder. On PostgreSQL the
/// commands say which <c>pg_dump</c> / <c>pg_restore</c> command does the same, with the configured server filled in.
/// </summary>
internal static class AdminBackupCommand
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int UsageError = 2;

    private const string Usage = "usage: admin backup --out <new file> | admin restore --from <backup file>";

    /// <summary>Runs <c>backup</c> or <c>restore</c> (<paramref name="args"/> start with the verb) on the configured database.</summary>
    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(output);
        var (verb, file) = args switch
        {
            ["backup", "--out", var path] => ("backup", path),
            ["restore", "--from", var path] => ("restore", path),
            _ => (null, null),
        };
        if (verb is null || string.IsNullOrWhiteSpace(file))
        {
            await output.WriteLineAsync(Usage);
            return UsageError;
        }

        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        if (database.ParsedProvider == DatabaseProvider.Postgres)
        {
            await output.WriteLineAsync(PostgresAdvice(verb, file, connectionString ?? ""));
            return UsageError;
        }

        try
        {
            connectionString ??= DatabaseOptions.DefaultSqliteConnectionString;
            var summary = verb == "backup"
                ? await SqliteBackup.BackupAsync(connectionString, file, cancellationToken)
                : await SqliteBackup.RestoreAsync(file, connectionString, cancellationToken);
            await output.WriteLineAsync($"{(verb == "backup" ? "backed up to" : "restored to")} {summary.Path}: {summary.Bytes:N0} bytes, {summary.Tables} tables, schema at {summary.LatestMigration}; integrity check ok.");
            await output.WriteLineAsync(KeyReminder(configuration));
            return Success;
        }
        catch (BackupException error)
        {
            await output.WriteLineAsync($"{verb} refused: {error.Message}");
            return Failed;
        }
    }

    // Personal fields are encrypted with keys kept outside the database; a backup without them cannot be read.
    private static string KeyReminder(IConfiguration configuration)
    {
        var pii = configuration.GetSection(PiiProtectionOptions.SectionName).Get<PiiProtectionOptions>() ?? new PiiProtectionOptions();
        var where = pii.Keys.Count > 0 ? "the Pii:Keys and Pii:LookupKey settings" : Path.GetFullPath(pii.KeyFile);
        return $"Personal data in it is encrypted with the keys in {where}, which the backup does not contain: keep them with it, stored apart, and give the restored node the same keys.";
    }

    private static string PostgresAdvice(string verb, string file, string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var server = $"--host={settings.Host} --port={settings.Port} --username={settings.Username}";
        return verb == "backup"
            ? $"On PostgreSQL, back up with the server's own tool (consistent while the platform runs): pg_dump {server} --format=custom --file={file} {settings.Database}"
            : $"On PostgreSQL, restore into a new, empty database with the server's own tool: createdb {server} <new database> && pg_restore {server} --no-owner --dbname=<new database> {file}";
    }
}
