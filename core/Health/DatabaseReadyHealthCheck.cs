using ConversationHub.Core.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ConversationHub.Core.Health;

/// <summary>Ready when start-up has finished, the database answers and no module has a pending migration.</summary>
internal sealed class DatabaseReadyHealthCheck(
    IServiceProvider services,
    IEnumerable<IMigratableContext> contexts,
    DatabaseReadiness readiness) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!readiness.IsStarted)
        {
            return HealthCheckResult.Unhealthy("Start-up migrations have not finished.");
        }

        try
        {
            foreach (var migratable in contexts)
            {
                var pending = await migratable.GetPendingMigrationsAsync(services, cancellationToken);
                if (pending.Count > 0)
                {
                    return HealthCheckResult.Unhealthy($"{migratable.ContextType.Name} has {pending.Count} pending migration(s).");
                }
            }
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Database unreachable.", ex);
        }

        return HealthCheckResult.Healthy();
    }
}
