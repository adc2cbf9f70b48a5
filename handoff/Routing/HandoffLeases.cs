using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Routing;

/// <summary>
/// Leases held by one node at a time, decided by the database: a conditional update takes a free or expired lease
/// (or renews one's own), and an insert with the primary key makes the first one.
/// </summary>
internal sealed class HandoffLeases(HandoffDbContext db, TimeProvider time)
{
    public async Task<bool> TryAcquireAsync(string key, string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + duration;
        var taken = await db.Leases.Where(l => l.Key == key && (l.Holder == holder || l.ExpiresAtUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAtUtc, until), cancellationToken);
        if (taken > 0)
        {
            return true;
        }

        if (await db.Leases.AnyAsync(l => l.Key == key, cancellationToken))
        {
            return false;
        }

        db.Leases.Add(new HandoffLease(key, holder, until));
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
