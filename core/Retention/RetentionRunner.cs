using System.Globalization;
using ConversationHub.Core.Audit;
using ConversationHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Core.Retention;

/// <summary>What one kind's run did today.</summary>
/// <param name="Kind">A <see cref="RetentionKinds"/> name.</param>
/// <param name="CutoffUtc">Data older than this expired.</param>
/// <param name="RowsAffected">Rows deleted or anonymised.</param>
public sealed record RetentionOutcome(string Kind, DateTime CutoffUtc, long RowsAffected);

/// <summary>What a kind's run today would do (<c>admin retention run --dry-run</c>).</summary>
/// <param name="Kind">A <see cref="RetentionKinds"/> name.</param>
/// <param name="Period">The configured period.</param>
/// <param name="CutoffUtc">Data older than this has expired.</param>
/// <param name="RowsExpired">Rows a run now would delete or anonymise.</param>
/// <param name="RanTodayAtUtc">When today's run (Japan day) started, or null when it has not run today.</param>
public sealed record RetentionPreview(string Kind, TimeSpan Period, DateTime CutoffUtc, long RowsExpired, DateTime? RanTodayAtUtc);

/// <summary>
/// Runs every registered <see cref="IRetentionPolicy"/> whose run of today is not claimed yet: claims it, works through
/// the expired rows batch by batch, records the count on the run's row and in the audit log.
/// </summary>
internal sealed partial class RetentionRunner(
    IServiceScopeFactory scopes,
    IOptionsMonitor<RetentionOptions> options,
    IAuditLog audit,
    TimeProvider time,
    ILogger<RetentionRunner> logger)
{
    /// <summary>Runs today's unclaimed kinds; returns what the runs this call made did (empty when all were done).</summary>
    public async Task<IReadOnlyList<RetentionOutcome>> RunAsync(CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        await using var scope = scopes.CreateAsyncScope();
        var outcomes = new List<RetentionOutcome>();
        foreach (var policy in scope.ServiceProvider.GetServices<IRetentionPolicy>())
        {
            if (current.PeriodOf(policy.Kind) is not { } period)
            {
                Log.NoPeriod(logger, policy.Kind);
                continue;
            }

            try
            {
                if (await RunKindAsync(policy, period, current.BatchSize, cancellationToken) is { } outcome)
                {
                    outcomes.Add(outcome);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The claim stays without a finish time: the kind runs again tomorrow; the other kinds go on.
                Log.KindFailed(logger, policy.Kind, ex);
            }
        }

        return outcomes;
    }

    /// <summary>What a run now would do, kind by kind, changing nothing.</summary>
    public async Task<IReadOnlyList<RetentionPreview>> PreviewAsync(CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        var instant = time.GetUtcNow();
        var today = RetentionRun.DayStartOf(instant);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var previews = new List<RetentionPreview>();
        foreach (var policy in scope.ServiceProvider.GetServices<IRetentionPolicy>())
        {
            if (current.PeriodOf(policy.Kind) is not { } period)
            {
                continue;
            }

            var cutoff = instant.UtcDateTime - period;
            var ran = await db.RetentionRuns.AsNoTracking().Where(r => r.Kind == policy.Kind && r.DayStartUtc == today)
                .Select(r => (DateTime?)r.StartedAtUtc).FirstOrDefaultAsync(cancellationToken);
            previews.Add(new RetentionPreview(policy.Kind, period, cutoff, await policy.CountExpiredAsync(cutoff, cancellationToken), ran));
        }

        return previews;
    }

    private async Task<RetentionOutcome?> RunKindAsync(IRetentionPolicy policy, TimeSpan period, int batchSize, CancellationToken cancellationToken)
    {
        var instant = time.GetUtcNow();
        var now = instant.UtcDateTime;
        var cutoff = now - period;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var run = new RetentionRun(policy.Kind, RetentionRun.DayStartOf(instant), cutoff, now);
        // Another node may claim the same kind and day first.
        if (!await UniqueClaims.TryInsertAsync(db, run, r => r.Kind == run.Kind && r.DayStartUtc == run.DayStartUtc, cancellationToken))
        {
            return null;
        }

        long rows = 0;
        int batch;
        do
        {
            batch = await policy.ApplyBatchAsync(cutoff, batchSize, cancellationToken);
            rows += batch;
        }
        while (batch >= batchSize);

        run.Finish(rows, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditRecord(AuditActions.RetentionApplied, Target: "retention:" + policy.Kind,
            Detail: string.Create(CultureInfo.InvariantCulture, $"cutoff {cutoff:yyyy-MM-ddTHH:mm:ssZ}, {rows} rows")), cancellationToken);
        Log.KindApplied(logger, policy.Kind, rows);
        return new RetentionOutcome(policy.Kind, cutoff, rows);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1500, Level = LogLevel.Information, Message = "Retention of {Kind}: {Rows} rows deleted or anonymised.")]
        public static partial void KindApplied(ILogger logger, string kind, long rows);

        [LoggerMessage(EventId = 1501, Level = LogLevel.Warning, Message = "Retention of {Kind} failed; it runs again tomorrow.")]
        public static partial void KindFailed(ILogger logger, string kind, Exception exception);

        [LoggerMessage(EventId = 1502, Level = LogLevel.Warning, Message = "Retention policy {Kind} has no period in the Retention settings; skipped.")]
        public static partial void NoPeriod(ILogger logger, string kind);
    }
}
