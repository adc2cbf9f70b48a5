using ConversationHub.Core.Events;
using ConversationHub.Faq.Persistence;

namespace ConversationHub.Faq.Ranking.Retraining;

/// <summary>
/// An editor starts a training run: it is queued in the one active slot (refused while another run is queued or
/// running on any node) and every node's runner is woken; one of them claims and trains it in the background.
/// </summary>
internal sealed class StartTrainingRun(FaqDbContext db, IHubEvents events, TimeProvider time)
{
    public async Task<StartTrainingRunResult> ExecuteAsync(Guid? userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // A run whose node died would hold the slot for ever; free it first.
        await TrainingRunSlots.FailStaleAsync(db, now, cancellationToken);
        var run = new TrainingRun(TrainingRunTrigger.Console, userId, null, now);
        if (!await TrainingRunSlots.TryQueueAsync(db, run, cancellationToken))
            return new StartTrainingRunResult(null, await TrainingRunSlots.ActiveAsync(db, cancellationToken));
        await events.PublishAsync(TrainingRunTopics.Queued, run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        return new StartTrainingRunResult(run, null);
    }
}

/// <summary>The queued run, or the run that holds the slot (<see cref="Busy"/> may be null if it finished in between).</summary>
internal sealed record StartTrainingRunResult(TrainingRun? Queued, TrainingRun? Busy);
