using ConversationHub.Core.Programs;
using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Programs.Rosters;

/// <summary>
/// A program's roster at its disposal (廃棄): every household of every version (their encrypted fields), the members'
/// look-up hashes and the households' histories are deleted; the program is left with no active roster. The import
/// records (dates, counts, staff ids) stay as the roster's evidence.
/// </summary>
internal sealed class RosterProgramData(HandoffDbContext db) : IProgramDataPart
{
    public string Kind => "roster";

    public async Task<long> CountAsync(Guid programId, CancellationToken cancellationToken) =>
        await db.RosterHouseholds.LongCountAsync(h => h.ProgramId == programId, cancellationToken)
        + await db.RosterKeys.LongCountAsync(k => db.RosterImports.Any(i => i.Id == k.ImportId && i.ProgramId == programId), cancellationToken);

    public async Task<long> DisposeAsync(Guid programId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.RosterSettings.Where(s => s.ProgramId == programId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ActiveImportId, (Guid?)null), cancellationToken);
        long count = await db.RosterKeys.Where(k => db.RosterImports.Any(i => i.Id == k.ImportId && i.ProgramId == programId)).ExecuteDeleteAsync(cancellationToken);
        count += await db.RosterHouseholds.Where(h => h.ProgramId == programId).ExecuteDeleteAsync(cancellationToken);
        await db.RosterEvents.Where(e => e.ProgramId == programId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return count;
    }
}
