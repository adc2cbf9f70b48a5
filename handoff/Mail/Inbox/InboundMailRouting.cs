using ConversationHub.Core.Events;
using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Handoff.Mail;

/// <summary>
/// Routes stored mail: woken when a message is stored (on any node), and every <c>RoutingInterval</c> for retries. A
/// node takes a message with a conditional update of its lease, so one node at a time routes it; the result is recorded
/// only by the lease's holder. A router that throws leaves the message RoutingFailed, tried again after 30 s, 1 min …
/// (capped); without a router the message stays Unrouted, listed for supervisors.
/// </summary>
internal sealed partial class InboundMailRouting(
    InboxSignal signal,
    IServiceScopeFactory scopes,
    IHubEvents events,
    TimeProvider time,
    IOptionsMonitor<MailInboundOptions> options,
    ILogger<InboundMailRouting> logger) : BackgroundService
{
    private const int BatchSize = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = events.Subscribe(MailTopics.InboxReceived, (_, _) =>
        {
            signal.Wake();
            return Task.CompletedTask;
        });
        await signal.RunAsync(RunPassAsync, ex =>
        {
            Log.PassFailed(logger, ex);
            return options.CurrentValue.RoutingInterval;
        }, stoppingToken);
    }

    internal async Task<TimeSpan> RunPassAsync(CancellationToken stoppingToken)
    {
        var settings = options.CurrentValue;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var router = scope.ServiceProvider.GetService<IInboundMailRouter>();
        var now = time.GetUtcNow().UtcDateTime;
        var due = await Due(db, now).OrderBy(m => m.NextAttemptAtUtc).Select(m => m.Id).Take(BatchSize).ToListAsync(stoppingToken);
        foreach (var id in due)
        {
            stoppingToken.ThrowIfCancellationRequested();
            if (await TryClaimAsync(db, id, settings, stoppingToken) is { } mail)
            {
                await RouteAsync(db, router, mail, settings, stoppingToken);
            }
        }

        if (due.Count == BatchSize)
        {
            return TimeSpan.Zero;
        }

        now = time.GetUtcNow().UtcDateTime;
        var next = await db.MailInbox.Where(m => m.State == InboundMailState.Received || m.State == InboundMailState.RoutingFailed)
            .MinAsync(m => m.NextAttemptAtUtc, stoppingToken);
        var wait = settings.RoutingInterval;
        if (next is { } at && at - now < wait)
        {
            wait = at - now + TimeSpan.FromMilliseconds(50);
        }

        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    private static IQueryable<InboundMail> Due(HandoffDbContext db, DateTime now) =>
        db.MailInbox.Where(m => (m.State == InboundMailState.Received || m.State == InboundMailState.RoutingFailed)
            && m.NextAttemptAtUtc <= now && (m.LeaseUntilUtc == null || m.LeaseUntilUtc < now));

    private async Task<InboundMail?> TryClaimAsync(HandoffDbContext db, Guid id, MailInboundOptions settings, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + settings.RoutingLease;
        var node = events.NodeId;
        var claimed = await Due(db, now).Where(m => m.Id == id)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LeaseHolder, node)
                .SetProperty(m => m.LeaseUntilUtc, until)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
        return claimed == 1 ? await db.MailInbox.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id && m.LeaseHolder == node, cancellationToken) : null;
    }

    private async Task RouteAsync(HandoffDbContext db, IInboundMailRouter? router, InboundMail mail, MailInboundOptions settings, CancellationToken stoppingToken)
    {
        var node = events.NodeId;
        var message = InboundMailParser.Parse(mail.Id, mail.RawBytes(), mail.ReceivedAtUtc);
        var warning = message.ParseWarning is { Length: > 500 } long_ ? long_[..500] : message.ParseWarning;
        if (warning is not null)
        {
            Log.ParseWarning(logger, mail.Id);
        }

        Guid? caseId = null;
        Exception? failure = null;
        if (router is not null)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            deadline.CancelAfter(settings.RoutingLease * 0.8);
            try
            {
                caseId = await router.RouteAsync(message, deadline.Token);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return; // The lease runs out and another pass routes it again.
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        }

        var now = time.GetUtcNow().UtcDateTime;
        var mine = db.MailInbox.Where(m => m.Id == mail.Id && m.LeaseHolder == node);
        if (failure is not null)
        {
            var next = now + settings.RoutingRetryDelay(mail.Attempts);
            // The exception's type only: its message may quote the mail.
            var error = failure.GetType().Name;
            await mine.ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, InboundMailState.RoutingFailed)
                .SetProperty(m => m.NextAttemptAtUtc, next)
                .SetProperty(m => m.LastError, "router threw " + error)
                .SetProperty(m => m.ParseWarning, warning)
                .SetProperty(m => m.LeaseHolder, (string?)null)
                .SetProperty(m => m.LeaseUntilUtc, (DateTime?)null), CancellationToken.None);
            Log.RoutingFailed(logger, mail.Id, mail.Attempts, error, next);
            return;
        }

        var state = caseId is null ? InboundMailState.Unrouted : InboundMailState.Routed;
        await mine.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.State, state)
            .SetProperty(m => m.CaseId, caseId)
            .SetProperty(m => m.RoutedAtUtc, caseId is null ? null : now)
            .SetProperty(m => m.NextAttemptAtUtc, (DateTime?)null)
            .SetProperty(m => m.LastError, router is null ? "no router is registered" : null)
            .SetProperty(m => m.ParseWarning, warning)
            .SetProperty(m => m.LeaseHolder, (string?)null)
            .SetProperty(m => m.LeaseUntilUtc, (DateTime?)null), CancellationToken.None);
        Log.Routed(logger, mail.Id, state, caseId);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4630, Level = LogLevel.Error, Message = "A routing pass of received mail failed")]
        public static partial void PassFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 4631, Level = LogLevel.Information, Message = "Mail {InboxId} is {State} (case {CaseId})")]
        public static partial void Routed(ILogger logger, Guid inboxId, InboundMailState state, Guid? caseId);

        [LoggerMessage(EventId = 4632, Level = LogLevel.Warning, Message = "Routing mail {InboxId} failed (attempt {Attempt}, {ErrorType}); next at {NextAttemptAtUtc:o}")]
        public static partial void RoutingFailed(ILogger logger, Guid inboxId, int attempt, string errorType, DateTime nextAttemptAtUtc);

        [LoggerMessage(EventId = 4633, Level = LogLevel.Warning, Message = "Mail {InboxId} could not be fully parsed; it is kept raw and routed with its text decoded as well as possible")]
        public static partial void ParseWarning(ILogger logger, Guid inboxId);
    }
}
