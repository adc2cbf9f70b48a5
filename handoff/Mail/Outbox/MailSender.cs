using System.Net.Sockets;
using ConversationHub.Core.Events;
using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Handoff.Mail;

/// <summary>
/// Sends the outbox. A node takes a due message with one conditional update (Pending and due, or Sending with an
/// expired lease → Sending, held by this node until the lease ends), so with several nodes on one database exactly one
/// sends it. Sent is recorded right after the server's 250. A failure waits 1, 2, 4 … × <c>FirstRetryDelay</c>; after
/// <c>MaxAttempts</c> (or a permanent 5xx) the message is Failed and listed for supervisors. A node that dies mid-send
/// leaves its lease to run out; then another node sends the same message again, with the same Message-ID.
/// </summary>
internal sealed partial class MailSender(
    OutboxSignal signal,
    IServiceScopeFactory scopes,
    IHubEvents events,
    TimeProvider time,
    IOptionsMonitor<MailOutboundOptions> options,
    SmtpMailDelivery smtp,
    PickupMailDelivery pickup,
    ILogger<MailSender> logger) : BackgroundService
{
    private const int BatchSize = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = events.Subscribe(MailTopics.OutboxEnqueued, (_, _) =>
        {
            signal.Wake();
            return Task.CompletedTask;
        });
        if (!options.CurrentValue.Send)
        {
            return;
        }

        await signal.RunAsync(RunPassAsync, ex =>
        {
            Log.PassFailed(logger, ex);
            return options.CurrentValue.PollInterval;
        }, stoppingToken);
    }

    /// <summary>Sends what is due; returns how long to wait before the next pass.</summary>
    internal async Task<TimeSpan> RunPassAsync(CancellationToken stoppingToken)
    {
        var settings = options.CurrentValue;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.MailOutbox.AsNoTracking()
            .Where(m => (m.State == OutboundMailState.Pending && m.NextAttemptAtUtc <= now) || (m.State == OutboundMailState.Sending && m.LeaseUntilUtc < now))
            .OrderBy(m => m.NextAttemptAtUtc).Select(m => m.Id).Take(BatchSize).ToListAsync(stoppingToken);
        foreach (var id in due)
        {
            stoppingToken.ThrowIfCancellationRequested();
            if (await TryClaimAsync(db, id, settings, stoppingToken) is { } mail)
            {
                await SendAsync(db, mail, settings, stoppingToken);
            }
        }

        if (due.Count == BatchSize)
        {
            return TimeSpan.Zero;
        }

        // Sleep until the next retry or lease end comes due, or the poll interval, whichever is first.
        now = time.GetUtcNow().UtcDateTime;
        var nextRetry = await db.MailOutbox.Where(m => m.State == OutboundMailState.Pending).MinAsync(m => m.NextAttemptAtUtc, stoppingToken);
        var nextLeaseEnd = await db.MailOutbox.Where(m => m.State == OutboundMailState.Sending).MinAsync(m => m.LeaseUntilUtc, stoppingToken);
        var wait = settings.PollInterval;
        foreach (var next in new[] { nextRetry, nextLeaseEnd })
        {
            if (next is { } at && at - now < wait)
            {
                wait = at - now + TimeSpan.FromMilliseconds(50);
            }
        }

        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    private async Task<OutboundMail?> TryClaimAsync(HandoffDbContext db, Guid id, MailOutboundOptions settings, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + settings.LeaseDuration;
        var node = events.NodeId;
        var claimed = await db.MailOutbox
            .Where(m => m.Id == id && ((m.State == OutboundMailState.Pending && m.NextAttemptAtUtc <= now) || (m.State == OutboundMailState.Sending && m.LeaseUntilUtc < now)))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, OutboundMailState.Sending)
                .SetProperty(m => m.LeaseHolder, node)
                .SetProperty(m => m.LeaseUntilUtc, until)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
        return claimed == 1
            ? await db.MailOutbox.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id && m.LeaseHolder == node, cancellationToken)
            : null;
    }

    private async Task SendAsync(HandoffDbContext db, OutboundMail mail, MailOutboundOptions settings, CancellationToken stoppingToken)
    {
        var node = events.NodeId;
        // Never send past the lease: by then another node may have taken the message.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        deadline.CancelAfter(settings.LeaseDuration - Margin(settings.LeaseDuration));
        IMailDelivery delivery = string.IsNullOrWhiteSpace(settings.Host) ? pickup : smtp;
        try
        {
            await delivery.DeliverAsync(mail, OutboundMessageFactory.Create(mail, settings), deadline.Token);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The node is stopping mid-send: whether the server took the message is unknown, so the row stays leased
            // and another node (or this one after a restart) sends it again when the lease ends.
            Log.Interrupted(logger, mail.Id, mail.Attempts);
            return;
        }
        catch (Exception ex)
        {
            await RecordFailureAsync(db, mail, settings, ex);
            return;
        }

        // Recorded whatever the stopping token says: the server has the message.
        var now = time.GetUtcNow().UtcDateTime;
        var recorded = await db.MailOutbox.Where(m => m.Id == mail.Id && m.State == OutboundMailState.Sending && m.LeaseHolder == node)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, OutboundMailState.Sent)
                .SetProperty(m => m.SentAtUtc, now)
                .SetProperty(m => m.LeaseHolder, (string?)null)
                .SetProperty(m => m.LeaseUntilUtc, (DateTime?)null)
                .SetProperty(m => m.NextAttemptAtUtc, (DateTime?)null)
                .SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
        if (recorded == 1)
        {
            Log.Sent(logger, mail.Id, mail.Attempts);
        }
        else
        {
            Log.LeaseLost(logger, mail.Id);
        }
    }

    private async Task RecordFailureAsync(HandoffDbContext db, OutboundMail mail, MailOutboundOptions settings, Exception ex)
    {
        var node = events.NodeId;
        var reason = Describe(ex);
        var permanent = ex is MailDeliveryException { Permanent: true };
        var now = time.GetUtcNow().UtcDateTime;
        var failed = permanent || mail.Attempts >= settings.MaxAttempts;
        DateTime? next = failed ? null : now + settings.RetryDelay(mail.Attempts);
        await db.MailOutbox.Where(m => m.Id == mail.Id && m.State == OutboundMailState.Sending && m.LeaseHolder == node)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, failed ? OutboundMailState.Failed : OutboundMailState.Pending)
                .SetProperty(m => m.NextAttemptAtUtc, next)
                .SetProperty(m => m.LeaseHolder, (string?)null)
                .SetProperty(m => m.LeaseUntilUtc, (DateTime?)null)
                .SetProperty(m => m.LastError, reason), CancellationToken.None);
        if (failed)
        {
            Log.GaveUp(logger, mail.Id, mail.Attempts, reason);
        }
        else
        {
            Log.AttemptFailed(logger, mail.Id, mail.Attempts, reason, next!.Value);
        }
    }

    // What went wrong, without personal data: an SMTP code, a socket error, or the kind of exception.
    private static string Describe(Exception ex) => ex switch
    {
        MailDeliveryException delivery => delivery.Message,
        SocketException socket => "network: " + socket.SocketErrorCode,
        OperationCanceledException or TimeoutException => "timed out",
        IOException io when io.InnerException is SocketException socket => "network: " + socket.SocketErrorCode,
        IOException => "I/O error",
        _ => ex.GetType().Name,
    };

    private static TimeSpan Margin(TimeSpan lease) => TimeSpan.FromTicks(Math.Min(lease.Ticks / 5, TimeSpan.FromSeconds(10).Ticks));

    private static partial class Log
    {
        [LoggerMessage(EventId = 4601, Level = LogLevel.Error, Message = "A pass of the mail sender failed")]
        public static partial void PassFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 4602, Level = LogLevel.Information, Message = "Mail {MailId} sent (attempt {Attempt})")]
        public static partial void Sent(ILogger logger, Guid mailId, int attempt);

        [LoggerMessage(EventId = 4603, Level = LogLevel.Warning, Message = "Mail {MailId} attempt {Attempt} failed ({Reason}); next at {NextAttemptAtUtc:o}")]
        public static partial void AttemptFailed(ILogger logger, Guid mailId, int attempt, string reason, DateTime nextAttemptAtUtc);

        [LoggerMessage(EventId = 4604, Level = LogLevel.Error, Message = "Mail {MailId} failed after {Attempts} attempts ({Reason}); a supervisor can retry it")]
        public static partial void GaveUp(ILogger logger, Guid mailId, int attempts, string reason);

        [LoggerMessage(EventId = 4605, Level = LogLevel.Warning, Message = "Mail {MailId} attempt {Attempt} interrupted by shutdown; it is sent again when its lease ends")]
        public static partial void Interrupted(ILogger logger, Guid mailId, int attempt);

        [LoggerMessage(EventId = 4606, Level = LogLevel.Error, Message = "Mail {MailId} was sent after this node's lease ended; another node may send it too")]
        public static partial void LeaseLost(ILogger logger, Guid mailId);
    }
}
