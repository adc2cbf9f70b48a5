using ConversationHub.Core.Programs;
using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Programs.Forms;

/// <summary>
/// A program's form entries at its disposal (廃棄): every entry (its encrypted answers and duplicate hash) and every
/// daily export file (which holds the answers) is deleted. The forms' definitions stay; the contacts the entries came
/// with are still counted by their contact events.
/// </summary>
internal sealed class ProgramFormProgramData(HandoffDbContext db) : IProgramDataPart
{
    public string Kind => "form_entries";

    public async Task<long> CountAsync(Guid programId, CancellationToken cancellationToken) =>
        await db.ProgramFormEntries.LongCountAsync(e => e.ProgramId == programId, cancellationToken)
        + await db.ProgramFormExports.LongCountAsync(e => e.ProgramId == programId, cancellationToken);

    public async Task<long> DisposeAsync(Guid programId, CancellationToken cancellationToken) =>
        await db.ProgramFormEntries.Where(e => e.ProgramId == programId).ExecuteDeleteAsync(cancellationToken)
        + await db.ProgramFormExports.Where(e => e.ProgramId == programId).ExecuteDeleteAsync(cancellationToken);
}
