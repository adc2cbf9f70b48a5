using ConversationHub.Core.Calendar;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Cases;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Handoff.Programs.Reservations;

/// <summary>
/// After <see cref="ReservationOptions.LedgerAt"/> (Japan time), makes yesterday's ledger of every program with
/// reservation settings, once across nodes: the unique (program, day) row is claimed first, as the scheduled reports
/// claim theirs. A ledger is made for every day, with no lines when nothing happened, so the city sees the day was
/// covered.
/// </summary>
internal sealed partial class ReservationLedgerRunner(
    IServiceScopeFactory scopes,
    IOptionsMonitor<ReservationOptions> options,
    TimeProvider time,
    ILogger<ReservationLedgerRunner> logger)
{
    /// <summary>Makes what is due; returns how many ledgers this call made.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = JapanTime.ToJapan(time.GetUtcNow());
        if (now.TimeOfDay < options.CurrentValue.LedgerAt)
        {
            return 0;
        }

        var yesterday = DateOnly.FromDateTime(now.DateTime).AddDays(-1);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var programIds = await db.ReservationSettings.AsNoTracking().Select(s => s.ProgramId).ToListAsync(cancellationToken);
        var made = 0;
        foreach (var programId in programIds)
        {
            try
            {
                made += await MakeAsync(programId, yesterday, cancellationToken) ? 1 : 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The claim stays without bytes: the list shows it as not made, and an administrator sees the log.
                Log.Failed(logger, programId, yesterday, ex);
            }
        }

        return made;
    }

    private async Task<bool> MakeAsync(Guid programId, DateOnly day, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programId, cancellationToken);
        if (program is null || day < program.StartsOn || program.DisposedAtUtc is not null)
        {
            return false;
        }

        var claim = new ReservationLedger(programId, day, time.GetUtcNow().UtcDateTime);
        if (!await UniqueClaims.TryInsertAsync(db, claim, l => l.ProgramId == programId && l.Day == day, cancellationToken))
        {
            return false;
        }

        var document = await scope.ServiceProvider.GetRequiredService<ReservationLedgerBuilder>().BuildAsync(program, day, cancellationToken);
        claim.Complete(document.Tables[0].Rows.Count, ReportExport.Csv(document, CaseCsvEncoding.Utf8), ReportExport.Xlsx(document), time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        Log.Made(logger, program.Code, day);
        return true;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4970, Level = LogLevel.Information, Message = "Made the reservation ledger of {Program} for {Day}.")]
        public static partial void Made(ILogger logger, string program, DateOnly day);

        [LoggerMessage(EventId = 4971, Level = LogLevel.Warning, Message = "Making the reservation ledger of program {ProgramId} for {Day} failed; it stays listed as not made.")]
        public static partial void Failed(ILogger logger, Guid programId, DateOnly day, Exception exception);
    }
}
