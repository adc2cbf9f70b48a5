using ConversationHub.Faq.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConversationHub.Faq.Search.Tally;

/// <summary>
/// Adds <see cref="FaqQuestionTally"/>'s counts to <c>faq_question_counts</c> every <see cref="Interval"/> and once
/// more at shutdown. Several nodes add to the same hour's row: an UPDATE that adds, or an INSERT when the row does
/// not exist yet (retried as an UPDATE when another node inserted it first). A failed round is logged and its counts
/// dropped: retrying rows of which some were already added would count them twice, which is worse for a share.
/// </summary>
internal sealed partial class FaqQuestionTallyWriterService(
    FaqQuestionTally tally, IServiceScopeFactory scopes, ILogger<FaqQuestionTallyWriterService> logger) : PeriodicFlushService
{
    /// <inheritdoc />
    internal override async Task FlushAsync(CancellationToken cancellationToken)
    {
        var counts = tally.Drain();
        if (counts.Count == 0)
            return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FaqDbContext>();
            foreach (var count in counts)
                await AddAsync(db, count, cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or TimeoutException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Log.FlushFailed(logger, counts.Count, e.GetType().Name);
        }
    }

    private static async Task AddAsync(FaqDbContext db, FaqQuestionCount count, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var updated = await db.QuestionCounts
                .Where(c => c.HourUtc == count.HourUtc && c.Channel == count.Channel)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.Questions, c => c.Questions + count.Questions)
                    .SetProperty(c => c.Confident, c => c.Confident + count.Confident), cancellationToken);
            if (updated > 0)
                return;
            try
            {
                db.QuestionCounts.Add(new FaqQuestionCount(count.HourUtc, count.Channel, count.Questions, count.Confident));
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Another node inserted the hour's row between our UPDATE and INSERT: add to it instead.
                db.ChangeTracker.Clear();
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2310, Level = LogLevel.Warning, Message = "Question counts of {Rows} hour/channel rows were not written ({ErrorType})")]
        public static partial void FlushFailed(ILogger logger, int rows, string errorType);
    }
}
