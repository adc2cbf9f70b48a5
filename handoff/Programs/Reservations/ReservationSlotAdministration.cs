using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Programs.Reservations;

/// <summary>
/// An administrator's changes to single slots: the capacity, and closing or reopening (a staff shortage). Each is one
/// conditional UPDATE: the capacity only where <c>Booked ≤ new capacity</c>, evaluated by the database on the row it
/// locks, so a booking racing a shrink never leaves the slot overbooked (PostgreSQL re-checks after the row's lock,
/// SQLite serialises writers). Closing keeps the reservations the slot holds; it only takes no new ones.
/// </summary>
internal sealed class ReservationSlotAdministration(HandoffDbContext db)
{
    public const int MaxCapacity = 1000;

    /// <summary>The program's slots on <paramref name="day"/> at every place (removed ones too), by time and place.</summary>
    public async Task<IReadOnlyList<SlotRow>> DayAsync(Guid programId, DateOnly day, CancellationToken cancellationToken)
    {
        var rows = await (from s in db.ReservationSlots.AsNoTracking()
                          join p in db.ReservationPlaces.AsNoTracking() on s.PlaceId equals p.Id
                          where s.ProgramId == programId && s.Day == day
                          select new SlotRow(s.Id, s.Starts, s.Ends, p.Name, s.Capacity, s.Booked, s.Closed)).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.Starts).ThenBy(r => r.Place, StringComparer.Ordinal)];
    }

    /// <summary>Sets the slot's capacity unless more are booked; returns why not, or null.</summary>
    public async Task<ReservationAdminError?> SetCapacityAsync(Guid programId, Guid slotId, int capacity, CancellationToken cancellationToken)
    {
        if (capacity is < 0 or > MaxCapacity)
        {
            return new ReservationAdminError("Error_Capacity");
        }

        var changed = await db.ReservationSlots.Where(s => s.Id == slotId && s.ProgramId == programId && s.Booked <= capacity)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Capacity, capacity), cancellationToken);
        if (changed == 1)
        {
            return null;
        }

        // Only the message reads the count: the refusal itself was the database's.
        var booked = await db.ReservationSlots.AsNoTracking().Where(s => s.Id == slotId && s.ProgramId == programId).Select(s => (int?)s.Booked).FirstOrDefaultAsync(cancellationToken);
        return booked is { } count ? new ReservationAdminError("Error_BelowBooked", count) : new ReservationAdminError("Error_SlotNotFound");
    }

    /// <summary>Closes or reopens the slot; returns why not, or null.</summary>
    public async Task<ReservationAdminError?> SetClosedAsync(Guid programId, Guid slotId, bool closed, CancellationToken cancellationToken) =>
        await db.ReservationSlots.Where(s => s.Id == slotId && s.ProgramId == programId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Closed, closed), cancellationToken) == 1 ? null : new ReservationAdminError("Error_SlotNotFound");

    /// <summary>One slot of a day as the administrator sees it.</summary>
    public sealed record SlotRow(Guid Id, TimeOnly Starts, TimeOnly Ends, string Place, int Capacity, int Booked, bool Closed);
}
