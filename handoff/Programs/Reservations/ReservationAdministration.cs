using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Programs.Reservations;

/// <summary>An administrator's changes to a program's reservations: settings and places. Errors are resource keys.</summary>
internal sealed class ReservationAdministration(HandoffDbContext db, TimeProvider time)
{
    public Task<ReservationSettings?> SettingsAsync(Guid programId, CancellationToken cancellationToken) =>
        db.ReservationSettings.AsNoTracking().FirstOrDefaultAsync(s => s.ProgramId == programId, cancellationToken);

    public Task<List<ReservationPlace>> PlacesAsync(Guid programId, CancellationToken cancellationToken) =>
        db.ReservationPlaces.AsNoTracking().Where(p => p.ProgramId == programId && p.RemovedAtUtc == null).OrderBy(p => p.CreatedAtUtc).ToListAsync(cancellationToken);

    /// <summary>Saves the settings; returns an error key or null.</summary>
    public async Task<string?> SaveSettingsAsync(Guid programId, string? whatToBring, int slotMinutes, int capacity, int bookableDays, CancellationToken cancellationToken)
    {
        var text = whatToBring?.Trim() ?? "";
        if (text.Length > ReservationSettings.MaxWhatToBringLength || slotMinutes is < 5 or > 240 || capacity is < 1 or > 1000 || bookableDays is < 1 or > 365)
        {
            return "Error_Settings";
        }

        var settings = await db.ReservationSettings.FirstOrDefaultAsync(s => s.ProgramId == programId, cancellationToken);
        if (settings is null)
        {
            settings = new ReservationSettings(programId);
            db.ReservationSettings.Add(settings);
        }

        settings.WhatToBring = text;
        settings.SlotMinutes = slotMinutes;
        settings.CapacityPerSlot = capacity;
        settings.BookableDays = bookableDays;
        settings.ChangedAtUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Adds a place; returns an error key or null.</summary>
    public async Task<string?> AddPlaceAsync(Guid programId, string? name, string? address, CancellationToken cancellationToken)
    {
        var cleanName = name?.Trim() ?? "";
        var cleanAddress = address?.Trim() ?? "";
        if (cleanName.Length is 0 or > ReservationPlace.MaxNameLength || cleanAddress.Length is 0 or > ReservationPlace.MaxAddressLength)
        {
            return "Error_Place";
        }

        db.ReservationPlaces.Add(new ReservationPlace(programId, cleanName, cleanAddress, time.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
