using ConversationHub.Core.Programs;
using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Programs.Reservations;

/// <summary>
/// A program's appointment book at its disposal (廃棄): each reservation's name, phone, its hash and the contact address
/// are overwritten (the row, its number, slot and status stay, so slots keep their counts), the kept ledgers (which list
/// names and phones) are deleted, and so are the e-mail the reservations' notices went out as and the LINE/SMS notice
/// outbox's rows (pending, failed or sent).
/// </summary>
internal sealed class ReservationProgramData(HandoffDbContext db) : IProgramDataPart
{
    private const string Disposed = "disposed";

    public string Kind => "reservations";

    public async Task<long> CountAsync(Guid programId, CancellationToken cancellationToken) =>
        await Held(programId).LongCountAsync(cancellationToken)
        + await db.ReservationLedgers.LongCountAsync(l => l.ProgramId == programId, cancellationToken)
        + await NoticeMailCountAsync(programId, cancellationToken)
        + await db.ReservationNotices.LongCountAsync(n => n.ProgramId == programId, cancellationToken);

    public async Task<long> DisposeAsync(Guid programId, CancellationToken cancellationToken)
    {
        // The notices are found by the reservations' numbers, so they go before anything else changes.
        long total = 0;
        foreach (var prefix in await NoticePrefixesAsync(programId, cancellationToken))
            total += await db.MailOutbox.Where(m => m.MessageId.StartsWith(prefix)).ExecuteDeleteAsync(cancellationToken);
        total += await db.ReservationNotices.Where(n => n.ProgramId == programId).ExecuteDeleteAsync(cancellationToken);
        total += await db.ReservationLedgers.Where(l => l.ProgramId == programId).ExecuteDeleteAsync(cancellationToken);
        total += await Held(programId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Name, Disposed).SetProperty(r => r.Phone, Disposed)
            .SetProperty(r => r.PhoneHash, Disposed).SetProperty(r => r.ContactAddress, (string?)null), cancellationToken);
        return total;
    }

    private IQueryable<Reservation> Held(Guid programId) =>
        db.Reservations.Where(r => r.ProgramId == programId && r.PhoneHash != Disposed);

    private async Task<long> NoticeMailCountAsync(Guid programId, CancellationToken cancellationToken)
    {
        long total = 0;
        foreach (var prefix in await NoticePrefixesAsync(programId, cancellationToken))
            total += await db.MailOutbox.LongCountAsync(m => m.MessageId.StartsWith(prefix), cancellationToken);
        return total;
    }

    // Notices are sent as <reservation.{number}.{notice}@domain> (see ReservationNotices.EnqueueMail).
    private async Task<List<string>> NoticePrefixesAsync(Guid programId, CancellationToken cancellationToken) =>
        [.. (await db.Reservations.AsNoTracking().Where(r => r.ProgramId == programId && r.PhoneHash != Disposed && r.ContactChannel == ReservationContactChannel.Email)
            .Select(r => r.Number).ToListAsync(cancellationToken)).Select(n => $"<reservation.{n}.")];
}
