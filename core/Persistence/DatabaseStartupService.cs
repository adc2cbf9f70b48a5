using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Core.Persistence;

/// <summary>
/// Applies every module's migrations, then the seeders, before the server starts listening: a node never
/// serves requests on a schema older than its code.
/// </summary>
internal sealed partial class DatabaseStartupService(
    IServiceProvider services,
    IEnumerable<IMigratableContext> contexts,
    IEnumerable<IStartupSeeder> seeders,
    IOptions<DatabaseOptions> options,
    DatabaseReadiness readiness,
    ILogger<DatabaseStartupService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var database = options.Value;
        if (database.ParsedProvider == DatabaseProvider.Sqlite)
        {
            HubDatabase.EnsureSqliteDirectory(database.ConnectionString);
            HubDatabase.UseSqliteWriteAheadLog(database.ConnectionString);
        }

        if (database.MigrateOnStartup)
        {
            foreach (var context in contexts)
            {
                Log.Migrating(logger, context.ContextType.Name, database.ParsedProvider);
                await context.MigrateAsync(services, cancellationToken);
            }
        }

        foreach (var seeder in seeders.OrderBy(s => s.Order))
        {
            await seeder.SeedAsync(services, cancellationToken);
        }

        readiness.MarkStarted();
        Log.DatabaseReady(logger);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Applying migrations of {Context} on {Provider}")]
        public static partial void Migrating(ILogger logger, string context, DatabaseProvider provider);

        [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Database ready")]
        public static partial void DatabaseReady(ILogger logger);
    }
}
