using ConversationHub.Bot.Line.Infrastructure;
using ConversationHub.Bot.Persistence;
using ConversationHub.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Bot.Line.Inbox;

/// <summary>
/// Processes the inbox: per citizen, the oldest pending event first, under a lease on that citizen so that with
/// several nodes each event is processed by one node, in order. Pending rows left by a restart are picked up on
/// the first pass; other nodes' new events on the poll interval.
/// </summary>
internal sealed partial class LineInboxWorker(
    IServiceScopeFactory scopes,
    LineInboxSignal signal,
    IHubEvents events,
    IOptionsMonitor<LineChannelOptions> options,
    ILogger<LineInboxWorker> logger) : LineSweepService(signal, options, logger)
{
    private const int MaxAttempts = 5;

    protected override async Task SweepAsync(CancellationToken cancellationToken)
    {
        while (await ProcessPassAsync(cancellationToken) > 0)
        {
            // More may have arrived while this pass ran.
        }
    }

    private async Task<int> ProcessPassAsync(CancellationToken cancellationToken)
    {
        List<string> citizens;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
            citizens = await db.LineInbox.AsNoTracking()
                .Where(e => e.State == LineInboxState.Pending)
                .GroupBy(e => e.UserHash)
                .OrderBy(g => g.Min(e => e.Id))
                .Select(g => g.Key)
                .Take(100)
                .ToListAsync(cancellationToken);
        }

        var processed = 0;
        foreach (var userHash in citizens)
        {
            processed += await ProcessCitizenAsync(userHash, cancellationToken);
        }

        return processed;
    }

    private async Task<int> ProcessCitizenAsync(string userHash, CancellationToken cancellationToken)
    {
        var settings = Settings;
        var leaseKey = "inbox:" + userHash;
        await using var leaseScope = scopes.CreateAsyncScope();
        var leases = leaseScope.ServiceProvider.GetRequiredService<LineLeases>();
        if (!await leases.TryAcquireAsync(leaseKey, events.NodeId, settings.LeaseDuration, cancellationToken))
        {
            return 0;
        }

        var processed = 0;
        try
        {
            while (await ProcessNextAsync(userHash, cancellationToken) is { } done)
            {
                if (!done)
                {
                    break;
                }

                processed++;
                await leases.TryAcquireAsync(leaseKey, events.NodeId, settings.LeaseDuration, cancellationToken);
            }
        }
        finally
        {
            await leases.ReleaseAsync(leaseKey, events.NodeId, CancellationToken.None);
        }

        return processed;
    }

    // null: nothing pending; true: processed; false: failed (left pending for a later pass, or given up).
    private async Task<bool?> ProcessNextAsync(string userHash, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        var row = await db.LineInbox
            .Where(e => e.State == LineInboxState.Pending && e.UserHash == userHash)
            .OrderBy(e => e.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        try
        {
            await scope.ServiceProvider.GetRequiredService<LineEventProcessor>().ProcessAsync(row, cancellationToken);
            row.State = LineInboxState.Done;
            row.ProcessedAtUtc = now;
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            row.Attempts++;
            if (row.Attempts >= MaxAttempts)
            {
                row.State = LineInboxState.Failed;
                row.ProcessedAtUtc = now;
            }

            Log.EventFailed(logger, ex, row.WebhookEventId, row.Attempts);
            await db.SaveChangesAsync(CancellationToken.None);
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3311, Level = LogLevel.Error, Message = "LINE event {WebhookEventId} failed (attempt {Attempts})")]
        public static partial void EventFailed(ILogger logger, Exception exception, string webhookEventId, int attempts);
    }
}
