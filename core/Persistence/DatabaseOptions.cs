namespace ConversationHub.Core.Persistence;

/// <summary>
/// The <c>Database</c> configuration section. The connection string itself is <c>ConnectionStrings:Hub</c>.
/// </summary>
public sealed class DatabaseOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Database";

    /// <summary>Name of the connection string under <c>ConnectionStrings</c>.</summary>
    public const string ConnectionStringName = "Hub";

    /// <summary>The SQLite file used when no connection string is configured, relative to the working directory.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=data/hub.db";

    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary>The resolved connection string (from <c>ConnectionStrings:Hub</c>).</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Apply pending migrations when the host starts (default true).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>The parsed <see cref="Provider"/>; valid once options validation has run.</summary>
    public DatabaseProvider ParsedProvider =>
        Enum.TryParse<DatabaseProvider>(Provider, ignoreCase: true, out var parsed) ? parsed : DatabaseProvider.Sqlite;
}
