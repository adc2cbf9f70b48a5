using System.Globalization;
using ConversationHub.Core.Calendar;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Reports;
using ConversationHub.Handoff.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Programs.Reservations;

/// <summary>
/// The ledger (交付予約受付簿) of one program's Japan day: every booking, change and cancellation made that day, in
/// order, with the reservation's number, name, phone, slot (and the slot before a change), place and who took it.
/// It is a <see cref="ReportDocument"/> of one table, so the reports' CSV and .xlsx writers (with their formula guard)
/// export it.
/// </summary>
internal sealed class ReservationLedgerBuilder(HandoffDbContext db, IStringLocalizer<ReservationStrings> strings)
{
    public const string Kind = "reservation-ledger";

    private static readonly string[] ColumnKeys = ["At", "Number", "Name", "Phone", "Slot", "Previous", "Place", "By"];

    public async Task<ReportDocument> BuildAsync(ProgramDefinition program, DateOnly day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(program);
        var changes = await db.ReservationChanges.AsNoTracking()
            .Where(c => c.ProgramId == program.Id && c.JapanDay == day).OrderBy(c => c.AtUtc).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var reservationIds = changes.Select(c => c.ReservationId).Distinct().ToList();
        var reservations = await db.Reservations.AsNoTracking().Where(r => reservationIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var slotIds = changes.Select(c => c.SlotId).Concat(changes.Where(c => c.PreviousSlotId is not null).Select(c => c.PreviousSlotId!.Value)).Distinct().ToList();
        var slots = await db.ReservationSlots.AsNoTracking().Where(s => slotIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var places = await db.ReservationPlaces.AsNoTracking().Where(p => p.ProgramId == program.Id).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);

        string SlotText(Guid? id) => id is { } key && slots.TryGetValue(key, out var s)
            ? $"{ReportPeriod.DayLabel(s.Day)} {s.Starts.ToString("HH:mm", CultureInfo.InvariantCulture)}～{s.Ends.ToString("HH:mm", CultureInfo.InvariantCulture)}"
            : "";
        var rows = changes.Select(c =>
        {
            var reservation = reservations[c.ReservationId];
            var place = slots.TryGetValue(c.SlotId, out var slot) && places.TryGetValue(slot.PlaceId, out var name) ? name : "";
            var at = JapanTime.ToJapan(new DateTimeOffset(c.AtUtc, TimeSpan.Zero)).ToString("yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture);
            return new ReportLine(strings["Kind_" + c.Kind], [at, reservation.Number, reservation.Name, reservation.Phone, SlotText(c.SlotId), SlotText(c.PreviousSlotId), place, c.By]);
        }).ToList();
        var columns = ColumnKeys.Select(c => strings["Ledger_Col_" + c].Value).ToList();
        var table = new ReportTable("ledger", strings["Ledger_Sheet"], strings["Ledger_Col_Kind"], columns, rows);
        return new ReportDocument(Kind, strings["Ledger_Title", program.Name], new ReportPeriod(day, day), [table]);
    }
}
