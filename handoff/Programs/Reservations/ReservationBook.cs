using ConversationHub.Core.Programs;
using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Programs.Reservations;

/// <summary>
/// The built-in book's reads: a program's reservation context (its settings, today's bookable window) and the views of
/// slots and reservations. Scoped, on the request's <see cref="HandoffDbContext"/>.
/// </summary>
internal sealed class ReservationBook(HandoffDbContext db, ProgramCatalog programs)
{
    /// <summary>The program and its settings when it takes reservations today; null otherwise.</summary>
    public async Task<ReservationContext?> ContextAsync(string? programCode, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(programCode) || await programs.FindByCodeAsync(programCode.Trim(), cancellationToken) is not { } program)
        {
            return null;
        }

        var settings = await db.ReservationSettings.AsNoTracking().FirstOrDefaultAsync(s => s.ProgramId == program.Id, cancellationToken);
        if (settings is null || programs.StateToday(program) != Programs.ProgramServiceState.InService)
        {
            return null;
        }

        var today = programs.TodayInJapan();
        var last = today.AddDays(settings.BookableDays);
        return new ReservationContext(program, settings, today.AddDays(1), last < program.ServiceEndsOn ? last : program.ServiceEndsOn);
    }

    /// <summary>The slot <paramref name="slotId"/> of the context's program when it is bookable now.</summary>
    public async Task<ReservationSlot?> BookableSlotAsync(ReservationContext context, string? slotId, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(slotId, out var id))
        {
            return null;
        }

        var slot = await db.ReservationSlots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.ProgramId == context.Program.Id, cancellationToken);
        return slot is not null && !slot.Closed && context.IsBookable(slot.Day) ? slot : null;
    }

    public async Task<IReadOnlyList<ReservationDay>> FreeDaysAsync(ReservationContext context, int count, CancellationToken cancellationToken)
    {
        var days = await db.ReservationSlots.AsNoTracking()
            .Where(s => s.ProgramId == context.Program.Id && s.Day >= context.FirstDay && s.Day <= context.LastDay && s.Booked < s.Capacity && !s.Closed)
            .GroupBy(s => s.Day)
            .Select(g => new { Day = g.Key, Free = g.Sum(s => s.Capacity - s.Booked) })
            .OrderBy(d => d.Day)
            .Take(Math.Clamp(count, 1, 366))
            .ToListAsync(cancellationToken);
        return [.. days.Select(d => new ReservationDay(d.Day, d.Free))];
    }

    public async Task<IReadOnlyList<ReservationTime>> FreeTimesAsync(ReservationContext context, DateOnly day, CancellationToken cancellationToken)
    {
        if (!context.IsBookable(day))
        {
            return [];
        }

        var rows = await (from s in db.ReservationSlots.AsNoTracking()
                          join p in db.ReservationPlaces.AsNoTracking() on s.PlaceId equals p.Id
                          where s.ProgramId == context.Program.Id && s.Day == day && s.Booked < s.Capacity && !s.Closed
                          select new { s.Id, s.Day, s.Starts, s.Ends, p.Name, Free = s.Capacity - s.Booked }).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.Starts).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => new ReservationTime(r.Id.ToString(), r.Day, r.Starts, r.Ends, r.Name, r.Free))];
    }

    /// <summary>The reservation <paramref name="number"/> of the program when <paramref name="phoneHash"/> matches; tracked off.</summary>
    public Task<Reservation?> FindAsync(Guid programId, string number, string phoneHash, CancellationToken cancellationToken) =>
        db.Reservations.AsNoTracking().FirstOrDefaultAsync(r => r.ProgramId == programId && r.Number == number && r.PhoneHash == phoneHash, cancellationToken);

    /// <summary>How <paramref name="reservation"/> reads to the citizen.</summary>
    public async Task<ReservationView> ViewAsync(ReservationContext context, Reservation reservation, CancellationToken cancellationToken)
    {
        var slot = await db.ReservationSlots.AsNoTracking().FirstAsync(s => s.Id == reservation.SlotId, cancellationToken);
        var place = await db.ReservationPlaces.AsNoTracking().FirstAsync(p => p.Id == slot.PlaceId, cancellationToken);
        return new ReservationView(reservation.Number, context.Program.Code, context.Program.Name, slot.Day, slot.Starts, slot.Ends,
            place.Name, place.Address, context.Settings.WhatToBring, reservation.Status);
    }
}

/// <summary>A program that takes reservations today, and the days it takes them for.</summary>
internal sealed record ReservationContext(ProgramDefinition Program, ReservationSettings Settings, DateOnly FirstDay, DateOnly LastDay)
{
    public bool IsBookable(DateOnly day) => day >= FirstDay && day <= LastDay;
}
