using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ConversationHub.Faq.Ranking.Review;

/// <summary>Whether a save failed on a unique index: how the review queue learns that another editor decided first.</summary>
internal static class UniqueViolation
{
    public static bool Is(DbUpdateException ex) => ex?.InnerException switch
    {
        // SQLITE_CONSTRAINT_UNIQUE (2067).
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == 2067,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
