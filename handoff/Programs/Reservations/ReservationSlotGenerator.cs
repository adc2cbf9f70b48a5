using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Programs.Reservations;

/// <summary>
/// Makes a program's slots for a range of Japan days from its own calendar (<see cref="ProgramCatalog.CalendarOf"/>):
/// each open day is cut into slots of the settings' length at every place; closed days and the city's closures make
/// none. Regenerating adds what is missing and removes the slots that no longer fit, but never one that any
/// reservation (booked or cancelled) points to, so nobody's appointment disappears.
/// </summary>
internal sealed class ReservationSlotGenerator(HandoffDbContext db, ProgramCatalog programs)
{
    public const int MaxDays = 366;

    /// <summary>Generates; returns how many slots were added and removed.</summary>
    public async Task<(int Added, int Removed)> GenerateAsync(ProgramDefinition program, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(program);
        var settings = await db.ReservationSettings.AsNoTracking().FirstAsync(s => s.ProgramId == program.Id, cancellationToken);
        var places = await db.ReservationPlaces.AsNoTracking().Where(p => p.ProgramId == program.Id && p.RemovedAtUtc == null).Select(p => p.Id).ToListAsync(cancellationToken);
        var calendar = programs.CalendarOf(program);
        var wanted = new HashSet<(Guid Place, DateOnly Day, TimeOnly Starts)>();
        var ends = new Dictionary<(Guid, DateOnly, TimeOnly), TimeOnly>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (calendar.GetHours(day) is not { } hours)
            {
                continue;
            }

            var length = TimeSpan.FromMinutes(settings.SlotMinutes);
            for (var start = hours.Opens; start.ToTimeSpan() + length <= hours.Closes.ToTimeSpan(); start = start.Add(length))
            {
                foreach (var place in places)
                {
                    wanted.Add((place, day, start));
                    ends[(place, day, start)] = start.Add(length);
                }
            }
        }

        var existing = await db.ReservationSlots.Where(s => s.ProgramId == program.Id && s.Day >= from && s.Day <= to).ToListAsync(cancellationToken);
        var have = existing.Select(s => (s.PlaceId, s.Day, s.Starts)).ToHashSet();
        var added = 0;
        foreach (var key in wanted.Where(k => !have.Contains(k)))
        {
            db.ReservationSlots.Add(new ReservationSlot(program.Id, key.Place, key.Day, key.Starts, ends[key], settings.CapacityPerSlot));
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        var stale = existing.Where(s => !wanted.Contains((s.PlaceId, s.Day, s.Starts))).Select(s => s.Id).ToList();
        // One statement, re-checked by the database: a booking that lands meanwhile keeps its slot.
        var removed = stale.Count == 0 ? 0 : await db.ReservationSlots
            .Where(s => stale.Contains(s.Id) && s.Booked == 0 && !db.Reservations.Any(r => r.SlotId == s.Id))
            .ExecuteDeleteAsync(cancellationToken);
        return (added, removed);
    }
}
