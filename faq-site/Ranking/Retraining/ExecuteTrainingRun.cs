using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Ranking.History;
using ConversationHub.Faq.Ranking.Reranking;
using ConversationHub.Faq.Ranking.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConversationHub.Faq.Ranking.Retraining;

/// <summary>
/// Trains a run this node has claimed, with the same code as <c>faq train</c> (<see cref="TrainFromJudgements"/>), and
/// stores the outcome on the run. The model is only proposed, except for a scheduled run with
/// <see cref="FaqRankingOptions.AutoPromote"/>, which activates it when it is not worse than the active one.
/// </summary>
internal sealed class ExecuteTrainingRun(FaqDbContext db, TrainFromJudgements train, TimeProvider time, IOptions<FaqRankingOptions> options)
{
    /// <summary>Console and scheduled runs train with one fixed seed, so the same judgements give the same model.</summary>
    public const int Seed = 1;

    public async Task ExecuteAsync(long runId, TrainingProgressLog progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var run = await db.TrainingRuns.FirstAsync(r => r.Id == runId, cancellationToken);
        var promoteAs = run.Trigger == TrainingRunTrigger.Schedule && options.Value.AutoPromote ? RankingModelActor.ScheduledTraining : null;
        var request = new PlatformTrainRequest(Seed, options.Value.Candidates, new TrainReportWriter(TextWriter.Null, json: false), progress, promoteAs);
        var result = await train.ExecuteAsync(request, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        run.SetProgress(progress.Entries);
        if (result.Outcome is { } outcome)
        {
            run.Succeed(outcome, now);
            if (result.Promoted)
                run.MarkAutoPromoted();
        }
        else
        {
            run.Fail(TrainingRunFailure.TooFewJudgements, result.Error, now);
        }

        // Status is a concurrency token: if another node failed this run as stale meanwhile, this throws and that stands.
        await db.SaveChangesAsync(cancellationToken);
    }
}
