using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Search.Tally;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConversationHub.Faq.Search.Terms;

/// <summary>
/// Adds <see cref="SearchTermTally"/>'s counts to <c>faq_search_terms</c> every <see cref="Interval"/> and at shutdown,
/// one upsert per day and term (<c>INSERT … ON CONFLICT DO UPDATE</c> adding to the row, the same statement on SQLite
/// and PostgreSQL), all in one transaction. A failed round is logged and its counts dropped, never added twice.
/// </summary>
internal sealed partial class SearchTermTallyWriterService(
    SearchTermTally tally, IServiceScopeFactory scopes, ILogger<SearchTermTallyWriterService> logger) : PeriodicFlushService
{
    /// <inheritdoc />
    internal override async Task FlushAsync(CancellationToken cancellationToken)
    {
        var counts = tally.Drain();
        if (counts.Count == 0)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FaqDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var c in counts)
            {
                await db.Database.ExecuteSqlAsync(
                    $"""
                    INSERT INTO faq_search_terms ("DayJst", "Term", "Searches", "NoResult") VALUES ({c.DayJst}, {c.Term}, {c.Searches}, {c.NoResult})
                    ON CONFLICT ("DayJst", "Term") DO UPDATE SET "Searches" = faq_search_terms."Searches" + excluded."Searches", "NoResult" = faq_search_terms."NoResult" + excluded."NoResult"
                    """, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or TimeoutException or System.Data.Common.DbException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Log.FlushFailed(logger, counts.Count, e.GetType().Name);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2320, Level = LogLevel.Warning, Message = "Search term counts of {Rows} day/term rows were not written ({ErrorType})")]
        public static partial void FlushFailed(ILogger logger, int rows, string errorType);
    }
}
