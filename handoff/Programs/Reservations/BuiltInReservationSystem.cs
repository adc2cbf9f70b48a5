using System.Text;
using ConversationHub.Core.Programs;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Programs.Reservations;

/// <summary>
/// The embedded reservation system: slots in the handoff module's tables. Each write is one transaction that moves
/// places with <see cref="SlotCapacity"/>'s conditional UPDATEs, writes the reservation and its ledger line, and
/// enqueues its notice (mail outbox or the LINE/SMS notice outbox); a LINE or SMS notice is tried once right after the
/// commit and retried by the outbox if that fails.
/// </summary>
internal sealed class BuiltInReservationSystem(
    HandoffDbContext db,
    ReservationBook book,
    ReservationNotices notices,
    IStringLocalizer<ReservationStrings> strings,
    TimeProvider time) : IReservationSystem
{
    // A duplicate reservation number (one in a hundred million per pair) is retried with a fresh one.
    private const int NumberAttempts = 3;

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReservationDay>> NextFreeDaysAsync(string programCode, int count, CancellationToken cancellationToken) =>
        await book.ContextAsync(programCode, cancellationToken) is { } context ? await book.FreeDaysAsync(context, count, cancellationToken) : [];

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReservationTime>> FreeTimesAsync(string programCode, DateOnly day, CancellationToken cancellationToken) =>
        await book.ContextAsync(programCode, cancellationToken) is { } context ? await book.FreeTimesAsync(context, day, cancellationToken) : [];

    /// <inheritdoc />
    public async Task<ReservationResult> BookAsync(ReservationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = request.Name?.Normalize(NormalizationForm.FormKC).Trim();
        var phone = ReservationPhones.Normalize(request.Phone);
        var contact = NormalizeContact(request.Contact);
        var requestKey = string.IsNullOrWhiteSpace(request.RequestKey) ? null : request.RequestKey.Trim();
        ArgumentOutOfRangeException.ThrowIfGreaterThan(requestKey?.Length ?? 0, ReservationRequest.MaxRequestKeyLength, nameof(request));
        if (string.IsNullOrEmpty(name) || name.Length > Reservation.MaxNameLength)
        {
            return Fail(ReservationError.Invalid, "Error_Name");
        }

        if (phone is null)
        {
            return Fail(ReservationError.Invalid, "Error_Phone");
        }

        if (contact is null)
        {
            return Fail(ReservationError.Invalid, "Error_Contact");
        }

        if (!notices.IsAvailable(contact.Channel))
        {
            return Fail(ReservationError.Invalid, "Error_ContactChannel");
        }

        if (await book.ContextAsync(request.ProgramCode, cancellationToken) is not { } context)
        {
            return Fail(ReservationError.NotAvailable, "Error_NotAvailable");
        }

        // A retried request answers with what it booked, even when the slot has filled up or passed since.
        if (await BookedWithKeyAsync(context, requestKey, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        if (await book.BookableSlotAsync(context, request.SlotId, cancellationToken) is not { } slot)
        {
            return Fail(ReservationError.SlotUnavailable, "Error_SlotUnavailable");
        }

        var actor = Actor(request.Actor);
        for (var attempt = 1; ; attempt++)
        {
            var now = time.GetUtcNow().UtcDateTime;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (!await SlotCapacity.TryTakeAsync(db, slot.Id, cancellationToken))
            {
                return Fail(ReservationError.Full, "Error_Full");
            }

            var reservation = new Reservation(ReservationNumbers.Next(), context.Program.Id, slot.Id, name, phone, ReservationPhones.Hash(db.Pii, phone), contact, actor, now, requestKey);
            db.Reservations.Add(reservation);
            db.ReservationChanges.Add(new ReservationChange(reservation.Id, context.Program.Id, ReservationChangeKind.Booked, slot.Id, null, JapanDay(now), now, actor.Name));
            var view = await book.ViewAsync(context, reservation, cancellationToken);
            var noticeId = Guid.NewGuid();
            notices.Enqueue(db, reservation, ReservationNoticeKind.Booked, view, noticeId);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException) when (attempt < NumberAttempts)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();

                // The same request committed meanwhile (its key is unique): that booking is the answer.
                if (await BookedWithKeyAsync(context, requestKey, cancellationToken) is { } concurrent)
                {
                    return concurrent;
                }

                continue;
            }

            db.ChangeTracker.Clear();
            await notices.SendNowAsync(noticeId, cancellationToken);
            return ReservationResult.Ok(view);
        }
    }

    /// <inheritdoc />
    public async Task<ReservationResult> ChangeAsync(string programCode, string number, string phone, string newSlotId, ReservationActor actor, CancellationToken cancellationToken)
    {
        var (context, reservation, failure) = await FindBookedAsync(programCode, number, phone, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        if (await book.BookableSlotAsync(context!, newSlotId, cancellationToken) is not { } slot)
        {
            return Fail(ReservationError.SlotUnavailable, "Error_SlotUnavailable");
        }

        if (slot.Id == reservation!.SlotId)
        {
            return ReservationResult.Ok(await book.ViewAsync(context!, reservation, cancellationToken));
        }

        var by = Actor(actor).Name;
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await SlotCapacity.TryTakeAsync(db, slot.Id, cancellationToken))
        {
            return Fail(ReservationError.Full, "Error_Full");
        }

        // Only from the slot this request read: a change or cancel that won a race leaves nothing to move.
        var moved = await db.Reservations.Where(r => r.Id == reservation.Id && r.Status == ReservationStatus.Booked && r.SlotId == reservation.SlotId)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.SlotId, slot.Id).SetProperty(x => x.ChangedAtUtc, now).SetProperty(x => x.ChangedBy, by), cancellationToken);
        if (moved != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return Fail(ReservationError.AlreadyCancelled, "Error_AlreadyCancelled");
        }

        await SlotCapacity.GiveBackAsync(db, reservation.SlotId, cancellationToken);
        return await FinishAsync(context!, reservation.Id, ReservationChangeKind.Changed, reservation.SlotId, transaction, by, now, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ReservationResult> CancelAsync(string programCode, string number, string phone, ReservationActor actor, CancellationToken cancellationToken)
    {
        var (context, reservation, failure) = await FindBookedAsync(programCode, number, phone, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var by = Actor(actor).Name;
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var cancelled = await db.Reservations.Where(r => r.Id == reservation!.Id && r.Status == ReservationStatus.Booked)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.Status, ReservationStatus.Cancelled).SetProperty(x => x.CancelledAtUtc, now).SetProperty(x => x.CancelledBy, by), cancellationToken);
        if (cancelled != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return Fail(ReservationError.AlreadyCancelled, "Error_AlreadyCancelled");
        }

        // The reservation's slot is read again inside the transaction: a change committed since the first read moved it.
        var slotId = await db.Reservations.Where(r => r.Id == reservation!.Id).Select(r => r.SlotId).FirstAsync(cancellationToken);
        await SlotCapacity.GiveBackAsync(db, slotId, cancellationToken);
        return await FinishAsync(context!, reservation!.Id, ReservationChangeKind.Cancelled, null, transaction, by, now, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ReservationResult> FindAsync(string programCode, string number, string phone, CancellationToken cancellationToken)
    {
        if (await book.ContextAsync(programCode, cancellationToken) is not { } context)
        {
            return Fail(ReservationError.NotAvailable, "Error_NotAvailable");
        }

        return await FindInAsync(context, number, phone, cancellationToken) is { } reservation
            ? ReservationResult.Ok(await book.ViewAsync(context, reservation, cancellationToken))
            : Fail(ReservationError.NotFound, "Error_NotFound");
    }

    private async Task<ReservationResult> FinishAsync(
        ReservationContext context, Guid reservationId, ReservationChangeKind kind, Guid? previousSlotId,
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, string by, DateTime now, CancellationToken cancellationToken)
    {
        var reservation = await db.Reservations.AsNoTracking().FirstAsync(r => r.Id == reservationId, cancellationToken);
        db.ReservationChanges.Add(new ReservationChange(reservationId, context.Program.Id, kind, reservation.SlotId, previousSlotId, JapanDay(now), now, by));
        var view = await book.ViewAsync(context, reservation, cancellationToken);
        var noticeKind = kind == ReservationChangeKind.Changed ? ReservationNoticeKind.Changed : ReservationNoticeKind.Cancelled;
        var noticeId = Guid.NewGuid();
        notices.Enqueue(db, reservation, noticeKind, view, noticeId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await notices.SendNowAsync(noticeId, cancellationToken);
        return ReservationResult.Ok(view);
    }

    private async Task<(ReservationContext? Context, Reservation? Reservation, ReservationResult? Failure)> FindBookedAsync(
        string programCode, string number, string phone, CancellationToken cancellationToken)
    {
        if (await book.ContextAsync(programCode, cancellationToken) is not { } context)
        {
            return (null, null, Fail(ReservationError.NotAvailable, "Error_NotAvailable"));
        }

        if (await FindInAsync(context, number, phone, cancellationToken) is not { } reservation)
        {
            return (null, null, Fail(ReservationError.NotFound, "Error_NotFound"));
        }

        return reservation.Status == ReservationStatus.Cancelled
            ? (null, null, Fail(ReservationError.AlreadyCancelled, "Error_AlreadyCancelled"))
            : (context, reservation, null);
    }

    private Task<Reservation?> FindInAsync(ReservationContext context, string number, string phone, CancellationToken cancellationToken)
    {
        var normalNumber = ReservationNumbers.Normalize(number);
        var digits = ReservationPhones.Normalize(phone);
        return normalNumber is null || digits is null
            ? Task.FromResult<Reservation?>(null)
            : book.FindAsync(context.Program.Id, normalNumber, ReservationPhones.Hash(db.Pii, digits), cancellationToken);
    }

    private async Task<ReservationResult?> BookedWithKeyAsync(ReservationContext context, string? requestKey, CancellationToken cancellationToken)
    {
        if (requestKey is null)
        {
            return null;
        }

        var booked = await db.Reservations.AsNoTracking().FirstOrDefaultAsync(r => r.RequestKey == requestKey && r.ProgramId == context.Program.Id, cancellationToken);
        return booked is null ? null : ReservationResult.Ok(await book.ViewAsync(context, booked, cancellationToken));
    }

    private static ReservationContact? NormalizeContact(ReservationContact? contact)
    {
        var address = contact?.Address?.Normalize(NormalizationForm.FormKC).Trim();
        return contact?.Channel switch
        {
            null or ReservationContactChannel.None => ReservationContact.None,
            ReservationContactChannel.Email when address is { Length: <= 254 } && address.Contains('@', StringComparison.Ordinal) && MimeKit.MailboxAddress.TryParse(address, out _) => contact with { Address = address },
            ReservationContactChannel.Sms when Cases.CaseContact.ToE164(address) is { } e164 && (e164.StartsWith("+8170", StringComparison.Ordinal) || e164.StartsWith("+8180", StringComparison.Ordinal) || e164.StartsWith("+8190", StringComparison.Ordinal)) => contact with { Address = e164 },
            ReservationContactChannel.Line when address is { Length: > 0 and <= 64 } && address.All(char.IsAsciiLetterOrDigit) => contact with { Address = address },
            _ => null,
        };
    }

    private static ReservationActor Actor(ReservationActor? actor) =>
        actor is null || string.IsNullOrWhiteSpace(actor.Name) ? new ReservationActor("unknown")
        : actor.Name.Length > Reservation.MaxActorLength ? actor with { Name = actor.Name[..Reservation.MaxActorLength] } : actor;

    private static DateOnly JapanDay(DateTime utc) => DateOnly.FromDateTime(Core.Calendar.JapanTime.ToJapan(new DateTimeOffset(utc, TimeSpan.Zero)).DateTime);

    private ReservationResult Fail(ReservationError error, string key) => ReservationResult.Fail(error, strings[key]);
}
