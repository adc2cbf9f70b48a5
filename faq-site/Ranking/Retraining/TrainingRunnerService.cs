using System.Data.Common;
using ConversationHub.Core.Events;
using ConversationHub.Faq.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ConversationHub.Faq.Ranking.Retraining;

/// <summary>
/// Each node's runner of the retraining console: on every pass it fails runs whose node went silent, queues the day's
/// scheduled run when due, and claims a queued run to train it here, off any request thread, with a heartbeat.
/// </summary>
/// <remarks>
/// A hosted service rather than Quartz.NET: the one-at-a-time rule and the one-a-day rule already live in the
/// database (unique indexes on <see cref="TrainingRun.ActiveSlot"/> and <see cref="TrainingRun.ScheduledDay"/>),
/// the schedule is one daily time, and a run must report progress and a heartbeat that the console reads from the
/// same row. Quartz's clustered job store would add its own eleven tables and a second lock for the same guarantee.
/// Passes run at once, when any node queues a run (<see cref="TrainingRunTopics.Queued"/>), and every
/// <see cref="TrainingRunTiming.PollInterval"/>.
/// </remarks>
internal sealed partial class TrainingRunnerService(
    IServiceScopeFactory scopes, IHubEvents events, TrainingRunSignal signal, TimeProvider time, ILogger<TrainingRunnerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Host start-up waits for ExecuteAsync until its first await; training must never hold it.
        await Task.Yield();
        using var subscription = events.Subscribe(TrainingRunTopics.Queued, (_, _) =>
        {
            signal.Wake();
            return Task.CompletedTask;
        });
        await signal.RunAsync(PassAsync, Failed, stoppingToken);
    }

    private async Task<TimeSpan> PassAsync(CancellationToken stoppingToken)
    {
        long? claimed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FaqDbContext>();
            var now = time.GetUtcNow();
            var failed = await TrainingRunSlots.FailStaleAsync(db, now.UtcDateTime, stoppingToken);
            if (failed > 0)
                Log.StaleRunsFailed(logger, failed);
            if (await scope.ServiceProvider.GetRequiredService<QueueScheduledTrainingRun>().ExecuteAsync(now, stoppingToken) is { } scheduled)
                Log.ScheduledRunQueued(logger, scheduled.Id);
            claimed = await TrainingRunSlots.TryClaimAsync(db, events.NodeId, now.UtcDateTime, stoppingToken);
        }

        if (claimed is { } runId)
            await TrainAsync(runId, stoppingToken);
        return TrainingRunTiming.PollInterval;
    }

    private TimeSpan Failed(Exception e)
    {
        Log.PassFailed(logger, e.GetType().Name);
        return TrainingRunTiming.PollInterval;
    }

    private async Task TrainAsync(long runId, CancellationToken stoppingToken)
    {
        Log.Claimed(logger, runId, events.NodeId);
        var progress = new TrainingProgressLog(time);
        using var training = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var heartbeat = BeatAsync(runId, progress, training);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ExecuteTrainingRun>().ExecuteAsync(runId, progress, training.Token);
            Log.Finished(logger, runId);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await FailAsync(runId, TrainingRunFailure.ShutDown, "the node shut down while training");
        }
        catch (OperationCanceledException)
        {
            // The heartbeat found the run no longer ours: another node failed it as stale. Its verdict stands.
            Log.Lost(logger, runId);
        }
        catch (DbUpdateConcurrencyException)
        {
            Log.Lost(logger, runId);
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidDataException or ArgumentException or DbUpdateException or DbException or TimeoutException
            or History.RankingModelActivationConflictException)
        {
            Log.TrainingFailed(logger, runId, e.GetType().Name);
            // The type and message only: training's messages name ids and counts, never a query.
            await FailAsync(runId, TrainingRunFailure.Error, $"{e.GetType().Name}: {e.Message}");
        }
        finally
        {
            await training.CancelAsync();
            await heartbeat;
        }
    }

    /// <summary>Refreshes the heartbeat and progress until training ends; cancels training when the run is no longer this node's.</summary>
    private async Task BeatAsync(long runId, TrainingProgressLog progress, CancellationTokenSource training)
    {
        try
        {
            while (!training.IsCancellationRequested)
            {
                await Task.Delay(TrainingRunTiming.HeartbeatInterval, training.Token);
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<FaqDbContext>();
                if (!await TrainingRunSlots.BeatAsync(db, runId, events.NodeId, progress.ToJson(), time.GetUtcNow().UtcDateTime, training.Token))
                {
                    await training.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (training.IsCancellationRequested)
        {
            // Training ended.
        }
        catch (Exception e) when (e is DbUpdateException or DbException or InvalidOperationException or TimeoutException)
        {
            // One missed beat is harmless; many make the run stale, which is the truth when the database is gone.
            Log.HeartbeatFailed(logger, runId, e.GetType().Name);
        }
    }

    private async Task FailAsync(long runId, string reason, string detail)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FaqDbContext>();
            var run = await db.TrainingRuns.FirstAsync(r => r.Id == runId, CancellationToken.None);
            if (run.Status != TrainingRunStatus.Running)
                return;
            run.Fail(reason, detail, time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is DbUpdateException or DbException or InvalidOperationException or TimeoutException)
        {
            // Left running: its heartbeat stops, so any node fails it as stale within a minute.
            Log.HeartbeatFailed(logger, runId, e.GetType().Name);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2450, Level = LogLevel.Information, Message = "Training run {RunId} claimed by node {NodeId}")]
        public static partial void Claimed(ILogger logger, long runId, string nodeId);

        [LoggerMessage(EventId = 2451, Level = LogLevel.Information, Message = "Training run {RunId} finished")]
        public static partial void Finished(ILogger logger, long runId);

        [LoggerMessage(EventId = 2452, Level = LogLevel.Warning, Message = "Training run {RunId} failed ({ErrorType})")]
        public static partial void TrainingFailed(ILogger logger, long runId, string errorType);

        [LoggerMessage(EventId = 2453, Level = LogLevel.Warning, Message = "Training run {RunId} was failed by another node as stale; this node stopped training it")]
        public static partial void Lost(ILogger logger, long runId);

        [LoggerMessage(EventId = 2454, Level = LogLevel.Warning, Message = "Failed {Count} training runs whose node stopped sending heartbeats or never started them")]
        public static partial void StaleRunsFailed(ILogger logger, int count);

        [LoggerMessage(EventId = 2455, Level = LogLevel.Information, Message = "Scheduled training run {RunId} queued")]
        public static partial void ScheduledRunQueued(ILogger logger, long runId);

        [LoggerMessage(EventId = 2456, Level = LogLevel.Warning, Message = "Training runner pass failed ({ErrorType}); retrying later")]
        public static partial void PassFailed(ILogger logger, string errorType);

        [LoggerMessage(EventId = 2457, Level = LogLevel.Warning, Message = "Heartbeat of training run {RunId} failed ({ErrorType})")]
        public static partial void HeartbeatFailed(ILogger logger, long runId, string errorType);
    }
}
