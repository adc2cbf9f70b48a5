using ConversationHub.Core.Events;
using ConversationHub.Core.Programs;
using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Handoff.Programs.Reservations;

/// <summary>
/// Sends the LINE and SMS notices of <see cref="ReservationNotice"/>. A node takes a notice with one conditional UPDATE
/// (pending and due, or sending with an expired lease → sending, held by this node), so of any number of nodes exactly
/// one sends it; the channel gets the row's id as its notice id, so a retry after a node died mid-send goes out once
/// where the channel honours it (LINE's retry key). A refusal or an error waits 1, 2, 4 … × the first delay; after
/// <see cref="ReservationOptions.NoticeMaxAttempts"/> the notice is Failed and counted on the reservations page. Once
/// sent, its address and text are cleared.
/// </summary>
internal sealed partial class ReservationNoticeOutbox(
    IServiceScopeFactory scopes,
    IHubEvents events,
    IOptionsMonitor<ReservationOptions> options,
    TimeProvider time,
    ILogger<ReservationNoticeOutbox> logger)
{
    private const int BatchSize = 50;

    /// <summary>Sends what is due; returns how many notices this call attempted.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var attempted = 0;
        List<Guid> due;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
            var now = time.GetUtcNow().UtcDateTime;
            due = await Due(db, now).OrderBy(n => n.NextAttemptAtUtc).Select(n => n.Id).Take(BatchSize).ToListAsync(cancellationToken);
            foreach (var id in due)
            {
                attempted += await TrySendAsync(id, cancellationToken) ? 1 : 0;
            }
        }
        while (due.Count == BatchSize && attempted > 0);
        return attempted;
    }

    /// <summary>Tries notice <paramref name="noticeId"/> now if it is due and no node holds it; returns whether this call attempted it.</summary>
    public async Task<bool> TrySendAsync(Guid noticeId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var settings = options.CurrentValue;
        if (await TryClaimAsync(db, noticeId, settings, cancellationToken) is not { } notice)
        {
            return false;
        }

        var senders = scope.ServiceProvider.GetServices<ICitizenNoticeSender>();
        var sender = senders.FirstOrDefault(s => s.Channel == notice.Channel && s.IsAvailable);
        string? failure;
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            // Never send past the lease: by then another node may have taken the notice.
            deadline.CancelAfter(settings.NoticeLease * 0.8);
            try
            {
                failure = sender is null ? "no-sender"
                    : await sender.SendAsync(notice.Address!, notice.Text!, notice.Id, deadline.Token) ? null : "refused";
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopping mid-send: whether the channel took it is unknown, so the lease runs out and a node retries.
                return true;
            }
            catch (Exception ex)
            {
                failure = Describe(ex);
            }
        }

        await RecordAsync(db, notice, failure, settings);
        return true;
    }

    /// <summary>The program's failed notices by kind of failure (no personal data).</summary>
    public async Task<IReadOnlyList<NoticeFailures>> FailuresAsync(Guid programId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var rows = await db.ReservationNotices.AsNoTracking().Where(n => n.ProgramId == programId && n.State == ReservationNoticeState.Failed)
            .GroupBy(n => new { n.Channel, n.LastError })
            .Select(g => new { g.Key.Channel, g.Key.LastError, Count = g.Count(), Latest = g.Max(n => n.CreatedAtUtc) })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(r => r.Latest).Select(r => new NoticeFailures(r.Channel, r.LastError ?? "", r.Count, r.Latest))];
    }

    /// <summary>
    /// Puts the program's failed notices back in line with a fresh count of attempts (an administrator fixed the channel,
    /// or it was down for long); the pass sends them. Returns how many were put back.
    /// </summary>
    public async Task<int> RetryFailedAsync(Guid programId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        return await db.ReservationNotices.Where(n => n.ProgramId == programId && n.State == ReservationNoticeState.Failed && n.Address != null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(n => n.State, ReservationNoticeState.Pending)
                .SetProperty(n => n.Attempts, 0)
                .SetProperty(n => n.NextAttemptAtUtc, now)
                .SetProperty(n => n.LastError, (string?)null), cancellationToken);
    }

    private static IQueryable<ReservationNotice> Due(HandoffDbContext db, DateTime now) =>
        db.ReservationNotices.Where(n => (n.State == ReservationNoticeState.Pending && n.NextAttemptAtUtc <= now)
            || (n.State == ReservationNoticeState.Sending && n.LeaseUntilUtc < now));

    private async Task<ReservationNotice?> TryClaimAsync(HandoffDbContext db, Guid id, ReservationOptions settings, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + settings.NoticeLease;
        var node = events.NodeId;
        var claimed = await Due(db, now).Where(n => n.Id == id)
            .ExecuteUpdateAsync(s => s
                .SetProperty(n => n.State, ReservationNoticeState.Sending)
                .SetProperty(n => n.LeaseHolder, node)
                .SetProperty(n => n.LeaseUntilUtc, until)
                .SetProperty(n => n.Attempts, n => n.Attempts + 1), cancellationToken);
        return claimed == 1
            ? await db.ReservationNotices.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id && n.LeaseHolder == node && n.Address != null, cancellationToken)
            : null;
    }

    private async Task RecordAsync(HandoffDbContext db, ReservationNotice notice, string? failure, ReservationOptions settings)
    {
        var node = events.NodeId;
        var now = time.GetUtcNow().UtcDateTime;
        var held = db.ReservationNotices.Where(n => n.Id == notice.Id && n.State == ReservationNoticeState.Sending && n.LeaseHolder == node);
        if (failure is null)
        {
            // Recorded whatever the caller's token says: the channel has the notice.
            await held.ExecuteUpdateAsync(s => s
                .SetProperty(n => n.State, ReservationNoticeState.Sent)
                .SetProperty(n => n.SentAtUtc, now)
                .SetProperty(n => n.Address, (string?)null)
                .SetProperty(n => n.Text, (string?)null)
                .SetProperty(n => n.LeaseHolder, (string?)null)
                .SetProperty(n => n.LeaseUntilUtc, (DateTime?)null)
                .SetProperty(n => n.NextAttemptAtUtc, (DateTime?)null)
                .SetProperty(n => n.LastError, (string?)null), CancellationToken.None);
            return;
        }

        var failed = notice.Attempts >= settings.NoticeMaxAttempts;
        DateTime? next = failed ? null : now + settings.NoticeRetryDelay(notice.Attempts);
        await held.ExecuteUpdateAsync(s => s
            .SetProperty(n => n.State, failed ? ReservationNoticeState.Failed : ReservationNoticeState.Pending)
            .SetProperty(n => n.NextAttemptAtUtc, next)
            .SetProperty(n => n.LeaseHolder, (string?)null)
            .SetProperty(n => n.LeaseUntilUtc, (DateTime?)null)
            .SetProperty(n => n.LastError, failure), CancellationToken.None);
        if (failed)
        {
            Log.GaveUp(logger, notice.Id, notice.Channel, notice.Attempts, failure);
        }
        else
        {
            Log.AttemptFailed(logger, notice.Id, notice.Channel, notice.Attempts, failure);
        }
    }

    // What went wrong, without personal data: the kind of error only.
    private static string Describe(Exception ex)
    {
        var kind = ex switch
        {
            OperationCanceledException or TimeoutException => "timed out",
            HttpRequestException { StatusCode: { } status } => "http " + (int)status,
            HttpRequestException => "network",
            _ => ex.GetType().Name,
        };
        return kind.Length > ReservationNotice.MaxErrorLength ? kind[..ReservationNotice.MaxErrorLength] : kind;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4975, Level = LogLevel.Warning, Message = "The {Channel} notice {NoticeId} failed on attempt {Attempt} ({Reason}); it is retried.")]
        public static partial void AttemptFailed(ILogger logger, Guid noticeId, ReservationContactChannel channel, int attempt, string reason);

        [LoggerMessage(EventId = 4976, Level = LogLevel.Error, Message = "The {Channel} notice {NoticeId} failed after {Attempts} attempts ({Reason}); it is shown on the reservations page.")]
        public static partial void GaveUp(ILogger logger, Guid noticeId, ReservationContactChannel channel, int attempts, string reason);
    }
}

/// <summary>How many of a program's notices on a channel failed with one kind of error, and the newest one's time.</summary>
internal sealed record NoticeFailures(ReservationContactChannel Channel, string Error, int Count, DateTime LatestUtc);
