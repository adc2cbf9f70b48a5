using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ConversationHub.Faq.Site.Analytics;

/// <summary>
/// Adds one view to an FAQ's counter for a day. The increment is one atomic UPDATE (count = count + 1), so
/// concurrent views on any number of nodes never lose a count; the day's first view inserts the row, and if
/// another request inserted it first (unique-key violation) the UPDATE is simply repeated.
/// </summary>
internal sealed class FaqViewCounter(FaqDbContext db)
{
    public async Task IncrementAsync(Guid faqId, DateOnly day, CancellationToken cancellationToken)
    {
        if (await UpdateAsync(faqId, day, cancellationToken) > 0)
        {
            return;
        }

        var row = db.ViewCounts.Add(new FaqViewCount(faqId, day, 1));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            await UpdateAsync(faqId, day, cancellationToken);
        }
        finally
        {
            row.State = EntityState.Detached;
        }
    }

    private Task<int> UpdateAsync(Guid faqId, DateOnly day, CancellationToken cancellationToken) =>
        db.ViewCounts
            .Where(v => v.FaqId == faqId && v.Day == day)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Count, v => v.Count + 1), cancellationToken);

    private static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        // SQLITE_CONSTRAINT_PRIMARYKEY (1555) or SQLITE_CONSTRAINT_UNIQUE (2067).
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 1555 or 2067,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
