using ConversationHub.Bot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Bot.Line.Infrastructure;

/// <summary>
/// Takes and gives back <see cref="LineLease"/>s. Taking one is a single conditional UPDATE (free, expired, or
/// already ours), which both SQLite and PostgreSQL apply atomically per row, so two nodes never both hold a key.
/// </summary>
internal sealed class LineLeases(BotDbContext db, TimeProvider time)
{
    public async Task<bool> TryAcquireAsync(string key, string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + duration;
        var taken = await db.LineLeases
            .Where(l => l.Key == key && (l.Holder == holder || l.ExpiresAtUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAtUtc, until), cancellationToken);
        if (taken == 1)
        {
            return true;
        }

        if (await db.LineLeases.AnyAsync(l => l.Key == key, cancellationToken))
        {
            return false;
        }

        db.LineLeases.Add(new LineLease(key, holder, until));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another node created it first: it holds the lease.
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    public Task ReleaseAsync(string key, string holder, CancellationToken cancellationToken)
    {
        var past = time.GetUtcNow().UtcDateTime.AddSeconds(-1);
        return db.LineLeases.Where(l => l.Key == key && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAtUtc, past), cancellationToken);
    }
}
