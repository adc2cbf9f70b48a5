using ConversationHub.Core.Calendar;
using ConversationHub.Core.Persistence;
using ConversationHub.Core.Programs;
using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Handoff.Programs.Reservations;

/// <summary>
/// After <see cref="ReservationOptions.ReminderAt"/> (Japan time), reminds the citizens booked for tomorrow on the
/// channel they gave. Each reminder is claimed (a unique (reservation, day) row) in the same transaction that enqueues
/// its notice, so however many nodes run this, each is enqueued once; the outboxes send and retry it.
/// </summary>
internal sealed partial class ReservationReminderRunner(
    IServiceScopeFactory scopes,
    IOptionsMonitor<ReservationOptions> options,
    TimeProvider time,
    ILogger<ReservationReminderRunner> logger)
{
    /// <summary>Sends what is due; returns how many reminders this call claimed.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = JapanTime.ToJapan(time.GetUtcNow());
        if (now.TimeOfDay < options.CurrentValue.ReminderAt)
        {
            return 0;
        }

        var tomorrow = DateOnly.FromDateTime(now.DateTime).AddDays(1);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var due = await (from r in db.Reservations.AsNoTracking()
                         join s in db.ReservationSlots.AsNoTracking() on r.SlotId equals s.Id
                         where s.Day == tomorrow && r.Status == ReservationStatus.Booked && r.ContactChannel != ReservationContactChannel.None
                               && !db.ReservationReminders.Any(m => m.ReservationId == r.Id && m.Day == tomorrow)
                         select r.Id).ToListAsync(cancellationToken);
        var claimed = 0;
        foreach (var id in due)
        {
            try
            {
                claimed += await RemindAsync(id, tomorrow, cancellationToken) ? 1 : 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.Failed(logger, id, ex);
            }
        }

        return claimed;
    }

    private async Task<bool> RemindAsync(Guid reservationId, DateOnly day, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        // The claim and the notice commit together: a node that dies in between leaves neither, and the next pass reminds.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var claim = new ReservationReminder(reservationId, day, now) { SentAtUtc = now };
        if (!await UniqueClaims.TryInsertAsync(db, claim, m => m.ReservationId == reservationId && m.Day == day, cancellationToken))
        {
            return false;
        }

        var reservation = await db.Reservations.AsNoTracking().FirstAsync(r => r.Id == reservationId, cancellationToken);
        var program = await db.Programs.AsNoTracking().FirstAsync(p => p.Id == reservation.ProgramId, cancellationToken);
        var settings = await db.ReservationSettings.AsNoTracking().FirstAsync(s => s.ProgramId == program.Id, cancellationToken);
        var book = scope.ServiceProvider.GetRequiredService<ReservationBook>();
        var view = await book.ViewAsync(new ReservationContext(program, settings, day, day), reservation, cancellationToken);
        var notices = scope.ServiceProvider.GetRequiredService<ReservationNotices>();
        var noticeId = Guid.NewGuid();
        notices.Enqueue(db, reservation, ReservationNoticeKind.Reminder, view, noticeId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await notices.SendNowAsync(noticeId, cancellationToken);
        return true;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4972, Level = LogLevel.Warning, Message = "Reminding reservation {ReservationId} failed.")]
        public static partial void Failed(ILogger logger, Guid reservationId, Exception exception);
    }
}
