using ConversationHub.Core.Calendar;
using ConversationHub.Core.Programs;
using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Programs.Reservations;

/// <summary>
/// An administrator renames, re-addresses or removes a place. Reservations show a place's current name and address
/// (their view reads the place), and so do notices written from now on (the day-before reminder included); a notice
/// already written keeps the text it was written with. A place is removed only when no booking from today on uses it:
/// its slots from today on are closed first (one UPDATE that waits for any booking in flight on them), then counted,
/// so no booking can land between the count and the removal. Its empty slots from today on go; past slots, slots that
/// cancelled reservations point to, and all reservations stay for the ledger.
/// </summary>
internal sealed class ReservationPlaceAdministration(HandoffDbContext db, TimeProvider time)
{
    /// <summary>Changes the place's name and address; returns why not, or null.</summary>
    public async Task<ReservationAdminError?> EditAsync(Guid programId, Guid placeId, string? name, string? address, CancellationToken cancellationToken)
    {
        var cleanName = name?.Trim() ?? "";
        var cleanAddress = address?.Trim() ?? "";
        if (cleanName.Length is 0 or > ReservationPlace.MaxNameLength || cleanAddress.Length is 0 or > ReservationPlace.MaxAddressLength)
        {
            return new ReservationAdminError("Error_Place");
        }

        var changed = await Current(programId, placeId)
            .ExecuteUpdateAsync(p => p.SetProperty(x => x.Name, cleanName).SetProperty(x => x.Address, cleanAddress), cancellationToken);
        return changed == 1 ? null : new ReservationAdminError("Error_PlaceNotFound");
    }

    /// <summary>Removes the place when nothing from today on is booked there; returns why not, or null, and the slots removed.</summary>
    public async Task<(ReservationAdminError? Error, int SlotsRemoved)> RemoveAsync(Guid programId, Guid placeId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(JapanTime.ToJapan(now).DateTime);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await Current(programId, placeId).AnyAsync(cancellationToken))
        {
            return (new ReservationAdminError("Error_PlaceNotFound"), 0);
        }

        var upcoming = db.ReservationSlots.Where(s => s.PlaceId == placeId && s.Day >= today);
        await upcoming.ExecuteUpdateAsync(s => s.SetProperty(x => x.Closed, true), cancellationToken);
        var booked = await db.Reservations.CountAsync(r => r.Status == ReservationStatus.Booked && upcoming.Any(s => s.Id == r.SlotId), cancellationToken);
        if (booked > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return (new ReservationAdminError("Error_PlaceHasBookings", booked), 0);
        }

        var removed = await upcoming.Where(s => s.Booked == 0 && !db.Reservations.Any(r => r.SlotId == s.Id)).ExecuteDeleteAsync(cancellationToken);
        var nowUtc = now.UtcDateTime;
        await Current(programId, placeId).ExecuteUpdateAsync(p => p.SetProperty(x => x.RemovedAtUtc, nowUtc), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (null, removed);
    }

    private IQueryable<ReservationPlace> Current(Guid programId, Guid placeId) =>
        db.ReservationPlaces.Where(p => p.Id == placeId && p.ProgramId == programId && p.RemovedAtUtc == null);
}
