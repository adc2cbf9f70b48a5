using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Programs.Reservations;

/// <summary>
/// The only writers of <see cref="ReservationSlot.Booked"/>: one conditional UPDATE each, run inside the caller's
/// transaction. The database evaluates <c>Booked &lt; Capacity</c> on the row it locks, so of simultaneous takers on
/// any node exactly the free places succeed (PostgreSQL re-checks the condition after waiting for the row's lock;
/// SQLite serialises writers), with no read-then-write race.
/// </summary>
internal static class SlotCapacity
{
    /// <summary>Takes one place; false when the slot is full, closed (or gone).</summary>
    public static async Task<bool> TryTakeAsync(HandoffDbContext db, Guid slotId, CancellationToken cancellationToken) =>
        await db.ReservationSlots.Where(s => s.Id == slotId && s.Booked < s.Capacity && !s.Closed)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Booked, x => x.Booked + 1), cancellationToken) == 1;

    /// <summary>Gives one place back.</summary>
    public static async Task<bool> GiveBackAsync(HandoffDbContext db, Guid slotId, CancellationToken cancellationToken) =>
        await db.ReservationSlots.Where(s => s.Id == slotId && s.Booked > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Booked, x => x.Booked - 1), cancellationToken) == 1;
}
