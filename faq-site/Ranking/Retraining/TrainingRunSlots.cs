using ConversationHub.Faq.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Ranking.Retraining;

/// <summary>
/// The database side of "one run at a time across nodes": queueing into the unique active slot, claiming a queued run,
/// the heartbeat, and freeing the slot of a run whose node went silent. Every change here is one conditional UPDATE
/// or INSERT, so two nodes racing cannot both win.
/// </summary>
internal static class TrainingRunSlots
{
    /// <summary>Inserts <paramref name="run"/> into the active slot; false (nothing stored) when another run holds it or, for a scheduled run, the day already has one.</summary>
    public static async Task<bool> TryQueueAsync(FaqDbContext db, TrainingRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.TrainingRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // The unique index refused it (either engine's own error); the caller reads what holds the slot.
            db.Entry(run).State = EntityState.Detached;
            return false;
        }
    }

    /// <summary>The queued or running run, if any.</summary>
    public static Task<TrainingRun?> ActiveAsync(FaqDbContext db, CancellationToken cancellationToken) =>
        db.TrainingRuns.AsNoTracking().FirstOrDefaultAsync(r => r.ActiveSlot == TrainingRun.Occupied, cancellationToken);

    /// <summary>Fails runs whose node went silent and queued runs no node claimed, which frees the slot.</summary>
    /// <returns>How many runs were failed.</returns>
    public static async Task<int> FailStaleAsync(FaqDbContext db, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var silentSince = nowUtc - TrainingRunTiming.StaleAfter;
        var failed = await db.TrainingRuns
            .Where(r => r.ActiveSlot == TrainingRun.Occupied && r.Status == TrainingRunStatus.Running && r.HeartbeatAtUtc < silentSince)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Status, TrainingRunStatus.Failed)
                    .SetProperty(r => r.ActiveSlot, (int?)null)
                    .SetProperty(r => r.FinishedAtUtc, nowUtc)
                    .SetProperty(r => r.FailureReason, TrainingRunFailure.NodeStopped)
                    .SetProperty(r => r.FailureDetail, $"no heartbeat from its node for over {TrainingRunTiming.StaleAfter.TotalSeconds:0} s"),
                cancellationToken);
        var unclaimedSince = nowUtc - TrainingRunTiming.NeverStartedAfter;
        failed += await db.TrainingRuns
            .Where(r => r.ActiveSlot == TrainingRun.Occupied && r.Status == TrainingRunStatus.Queued && r.RequestedAtUtc < unclaimedSince)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Status, TrainingRunStatus.Failed)
                    .SetProperty(r => r.ActiveSlot, (int?)null)
                    .SetProperty(r => r.FinishedAtUtc, nowUtc)
                    .SetProperty(r => r.FailureReason, TrainingRunFailure.NeverStarted)
                    .SetProperty(r => r.FailureDetail, $"no node started it within {TrainingRunTiming.NeverStartedAfter.TotalMinutes:0} min"),
                cancellationToken);
        return failed;
    }

    /// <summary>Claims the queued run for <paramref name="nodeId"/>; its id, or null when none is queued or another node was first.</summary>
    public static async Task<long?> TryClaimAsync(FaqDbContext db, string nodeId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var queued = await db.TrainingRuns.AsNoTracking()
            .Where(r => r.ActiveSlot == TrainingRun.Occupied && r.Status == TrainingRunStatus.Queued).Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken);
        if (queued is not { } id)
            return null;
        var claimed = await db.TrainingRuns
            .Where(r => r.Id == id && r.Status == TrainingRunStatus.Queued)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Status, TrainingRunStatus.Running)
                    .SetProperty(r => r.NodeId, nodeId)
                    .SetProperty(r => r.StartedAtUtc, nowUtc)
                    .SetProperty(r => r.HeartbeatAtUtc, nowUtc),
                cancellationToken);
        return claimed == 1 ? id : null;
    }

    /// <summary>Refreshes the heartbeat and progress of a run this node trains; false when the run is no longer this node's (failed as stale meanwhile).</summary>
    public static async Task<bool> BeatAsync(FaqDbContext db, long runId, string nodeId, string progressJson, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var updated = await db.TrainingRuns
            .Where(r => r.Id == runId && r.NodeId == nodeId && r.Status == TrainingRunStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.HeartbeatAtUtc, nowUtc).SetProperty(r => r.ProgressJson, progressJson), cancellationToken);
        return updated == 1;
    }
}
