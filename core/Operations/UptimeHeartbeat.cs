using ConversationHub.Core.Events;
using ConversationHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Core.Operations;

/// <summary>
/// Records this node's run in <c>node_uptime</c>: a row at start, its last-seen time moved on every heartbeat, and the
/// stop time on a clean shutdown. A beat that cannot reach the database is logged and retried at the next one: while
/// the database is unreachable the platform cannot serve either, so the gap it leaves is honest downtime. Registered
/// after the start-up migrations' service, whose StartAsync has finished before this one runs.
/// </summary>
internal sealed partial class UptimeHeartbeat(
    IServiceScopeFactory scopes,
    IHubEvents events,
    IOptions<UptimeOptions> options,
    TimeProvider time,
    ILogger<UptimeHeartbeat> logger) : BackgroundService
{
    private Guid? _runId;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.HeartbeatInterval, time);
        do
        {
            try
            {
                await BeatAsync(stoppingToken);
            }
            catch (Exception error) when (error is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                LogBeatFailed(logger, error);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_runId is not { } id)
            return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var now = time.GetUtcNow().UtcDateTime;
            await db.NodeUptime.Where(u => u.Id == id)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.LastSeenAtUtc, now).SetProperty(x => x.StoppedAtUtc, now), cancellationToken);
        }
        catch (Exception error) when (error is DbUpdateException or InvalidOperationException or System.Data.Common.DbException or OperationCanceledException)
        {
            LogBeatFailed(logger, error);
        }
    }

    private async Task BeatAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        if (_runId is { } id)
        {
            await db.NodeUptime.Where(u => u.Id == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.LastSeenAtUtc, now), cancellationToken);
            return;
        }

        var run = new NodeUptime(events.NodeId, now);
        db.NodeUptime.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        _runId = run.Id;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Uptime heartbeat could not be recorded; the next beat tries again")]
    private static partial void LogBeatFailed(ILogger logger, Exception error);
}
