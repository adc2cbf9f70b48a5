using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Core.Persistence;

/// <summary>
/// Claims a piece of once-only work across nodes by inserting its row under a unique key: of several nodes only the
/// one whose insert succeeds does the work (retention's daily runs, the reports the schedule keeps).
/// </summary>
public static class UniqueClaims
{
    /// <summary>
    /// Inserts <paramref name="row"/> unless a row matching <paramref name="sameKey"/> is stored (checked first, so the
    /// usual case costs no failed insert); returns whether this caller claimed it. A unique-key violation (another node
    /// won the race) returns false and clears <paramref name="db"/>'s change tracker.
    /// </summary>
    public static async Task<bool> TryInsertAsync<TEntity>(DbContext db, TEntity row, Expression<Func<TEntity, bool>> sameKey, CancellationToken cancellationToken)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(db);
        var set = db.Set<TEntity>();
        if (await set.AnyAsync(sameKey, cancellationToken))
        {
            return false;
        }

        set.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
