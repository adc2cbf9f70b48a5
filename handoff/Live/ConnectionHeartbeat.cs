using ConversationHub.Core.Events;
using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Handoff.Live;

/// <summary>
/// Keeps this node's console connections fresh in the database, so routing knows which agents are there; rows of a
/// node that died stop being refreshed and stop counting. On a clean stop the node removes its rows at once.
/// </summary>
internal sealed partial class ConnectionHeartbeat(
    IServiceScopeFactory scopes,
    IHubEvents events,
    IOptionsMonitor<HandoffOptions> options,
    TimeProvider time,
    ILogger<ConnectionHeartbeat> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.CurrentValue.HeartbeatInterval, time, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                var now = time.GetUtcNow().UtcDateTime;
                await scope.ServiceProvider.GetRequiredService<HandoffDbContext>().Connections
                    .Where(c => c.NodeId == events.NodeId)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.SeenAtUtc, now), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.HeartbeatFailed(logger, ex);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<HandoffDbContext>().Connections
                .Where(c => c.NodeId == events.NodeId)
                .ExecuteDeleteAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.HeartbeatFailed(logger, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4110, Level = LogLevel.Warning, Message = "Refreshing this node's console connections failed")]
        public static partial void HeartbeatFailed(ILogger logger, Exception exception);
    }
}
