using ConversationHub.Faq.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ConversationHub.Faq.Search.Misses;

/// <summary>
/// Drains <see cref="SearchMissLog"/> into <c>faq_search_misses</c>, in batches of what is waiting, one DI scope per
/// batch. A failed batch is logged and dropped (counted), so a database outage never blocks or fills memory.
/// </summary>
internal sealed partial class SearchMissWriterService(
    SearchMissLog log,
    IServiceScopeFactory scopes,
    ILogger<SearchMissWriterService> logger) : BackgroundService
{
    private const int MaxBatch = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<FaqSearchMiss>(MaxBatch);
        try
        {
            while (await log.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && log.Reader.TryRead(out var miss))
                    batch.Add(miss);
                await WriteAsync(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is still queued is lost, by design (statistics, not records).
        }
    }

    private async Task WriteAsync(List<FaqSearchMiss> batch, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FaqDbContext>();
            db.SearchMisses.AddRange(batch);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or TimeoutException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Log.BatchFailed(logger, batch.Count, e.GetType().Name);
        }
    }

    private static partial class Log
    {
        // The exception's type only: its message could quote a masked query, and misses are never logged.
        [LoggerMessage(EventId = 2301, Level = LogLevel.Warning, Message = "Dropped {Count} search misses: writing them failed ({ErrorType})")]
        public static partial void BatchFailed(ILogger logger, int count, string errorType);
    }
}
