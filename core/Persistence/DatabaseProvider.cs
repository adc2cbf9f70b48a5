namespace ConversationHub.Core.Persistence;

/// <summary>The database engine behind every module's context.</summary>
public enum DatabaseProvider
{
    /// <summary>The embedded default: one SQLite file, one node.</summary>
    Sqlite,

    /// <summary>PostgreSQL: production and scale-out (several nodes on one database).</summary>
    Postgres,
}
