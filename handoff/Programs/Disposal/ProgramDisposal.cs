using ConversationHub.Core.Audit;
using ConversationHub.Core.Persistence;
using ConversationHub.Core.Programs;
using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Programs.Disposal;

/// <summary>
/// Disposes of a program's personal data (廃棄): runs every module's <see cref="IProgramDataPart"/> for the program,
/// compacts the database so no deleted bytes remain in its files, marks the program disposed and keeps the
/// <see cref="ProgramDisposalRecord"/> as evidence. Contact events and roll-ups hold no personal data and stay, so the
/// reports keep the program's counts. A run that stops half-way is resumed by the next (parts are idempotent).
/// </summary>
internal sealed class ProgramDisposal(
    HandoffDbContext db,
    IEnumerable<IProgramDataPart> parts,
    ProgramCatalog catalog,
    IAuditLog audit,
    TimeProvider time)
{
    private IEnumerable<IProgramDataPart> Parts => parts.OrderBy(p => p.RunsLast).ThenBy(p => p.Kind, StringComparer.Ordinal);

    /// <summary>Rows of personal data the program holds now, per kind (what a disposal would remove).</summary>
    public async Task<IReadOnlyList<KeyValuePair<string, long>>> CountAsync(Guid programId, CancellationToken cancellationToken)
    {
        var result = new List<KeyValuePair<string, long>>();
        foreach (var part in Parts)
            result.Add(new(part.Kind, await part.CountAsync(programId, cancellationToken)));
        return result;
    }

    public Task<ProgramDisposalRecord?> FindRecordAsync(Guid programId, CancellationToken cancellationToken) =>
        db.Set<ProgramDisposalRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.ProgramId == programId, cancellationToken);

    public async Task<ProgramDisposalOutcome> DisposeAsync(ProgramDefinition program, string trigger, Guid? byStaffId, string? byName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(program);
        if (catalog.StateToday(program) is ProgramServiceState.NotStarted or ProgramServiceState.InService)
            return ProgramDisposalOutcome.StillInService;

        var records = db.Set<ProgramDisposalRecord>();
        var claimed = new ProgramDisposalRecord(program, trigger, byStaffId, byName, time.GetUtcNow().UtcDateTime);
        if (!await UniqueClaims.TryInsertAsync(db, claimed, r => r.ProgramId == program.Id, cancellationToken))
        {
            var existing = await records.FirstAsync(r => r.ProgramId == program.Id, cancellationToken);
            if (existing.FinishedAtUtc is not null)
                return ProgramDisposalOutcome.AlreadyDisposed;
            claimed = existing;
        }

        var disposed = claimed.DisposedCounts();
        foreach (var part in Parts)
            disposed[part.Kind] = disposed.GetValueOrDefault(part.Kind) + await part.DisposeAsync(program.Id, cancellationToken);

        var remaining = (await CountAsync(program.Id, cancellationToken)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var now = time.GetUtcNow().UtcDateTime;
        await db.Programs.Where(p => p.Id == program.Id && p.DisposedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.DisposedAtUtc, now).SetProperty(p => p.Version, p => p.Version + 1), cancellationToken);
        claimed.SetCounts(disposed, remaining);
        claimed.DatabaseState = await DatabaseCompaction.RunAsync(db, cancellationToken);
        claimed.FinishedAtUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);

        var total = disposed.Values.Sum();
        await audit.AppendAsync(new AuditRecord(ProgramDisposalAuditActions.Disposed, byStaffId, byName, "program:" + program.Code,
            $"trigger={trigger} rows={total} remaining={remaining.Values.Sum()}"), cancellationToken);
        return ProgramDisposalOutcome.Disposed;
    }
}
