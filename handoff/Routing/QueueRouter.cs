using ConversationHub.Core.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Handoff.Routing;

/// <summary>
/// Runs a <see cref="RoutingPass"/> every <see cref="HandoffOptions.RoutingInterval"/>, and at once when woken (a
/// handoff, a closed chat, a presence change). Only the node holding the router's lease routes, so offers are made by
/// one node at a time; another takes over within a few seconds when it stops.
/// </summary>
internal sealed partial class QueueRouter(
    RouterSignal signal,
    IServiceScopeFactory scopes,
    IHubEvents events,
    IOptionsMonitor<HandoffOptions> options,
    ILogger<QueueRouter> logger) : BackgroundService
{
    private const string LeaseKey = "router";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var settings = options.CurrentValue;
            try
            {
                await signal.WaitAsync(settings.RoutingInterval, stoppingToken);
                if (settings.Route)
                {
                    await RouteAsync(settings, stoppingToken);
                    await Task.Delay(settings.RoutingMinGap, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.PassFailed(logger, ex);
            }
        }
    }

    private async Task RouteAsync(HandoffOptions settings, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var lease = settings.RoutingInterval * 5 + TimeSpan.FromSeconds(5);
        if (await scope.ServiceProvider.GetRequiredService<HandoffLeases>().TryAcquireAsync(LeaseKey, events.NodeId, lease, cancellationToken))
        {
            await scope.ServiceProvider.GetRequiredService<RoutingPass>().RunAsync(cancellationToken);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4100, Level = LogLevel.Error, Message = "A routing pass of the agent queue failed")]
        public static partial void PassFailed(ILogger logger, Exception exception);
    }
}
