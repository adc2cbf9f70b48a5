using ConversationHub.Core.Events;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Ranking.Reranking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConversationHub.Faq.Ranking.Retraining;

/// <summary>
/// Queues the day's scheduled run once the schedule's time has passed (Japan time). Every node tries on each pass;
/// the unique day and the unique active slot let exactly one insert through. While an editor's run holds the slot,
/// the day's run waits for the next pass.
/// </summary>
internal sealed class QueueScheduledTrainingRun(FaqDbContext db, IHubEvents events, IOptions<FaqRankingOptions> options)
{
    /// <returns>The queued run, or null when nothing is due or another node (or run) came first.</returns>
    public async Task<TrainingRun?> ExecuteAsync(DateTimeOffset nowUtc, CancellationToken cancellationToken)
    {
        if (TrainingScheduleTime.DueDay(TrainingScheduleTime.Parse(options.Value.TrainingSchedule), nowUtc) is not { } day)
            return null;
        if (await db.TrainingRuns.AnyAsync(r => r.ScheduledDay == day, cancellationToken))
            return null;
        var run = new TrainingRun(TrainingRunTrigger.Schedule, null, day, nowUtc.UtcDateTime);
        if (!await TrainingRunSlots.TryQueueAsync(db, run, cancellationToken))
            return null;
        await events.PublishAsync(TrainingRunTopics.Queued, run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        return run;
    }
}
