using ConversationHub.Core.Programs;
using ConversationHub.Handoff.Cases;
using ConversationHub.Handoff.Persistence;

namespace ConversationHub.Handoff.Programs.Disposal;

/// <summary>
/// The personal fields of a program's cases (names, phones, addresses, what was asked), their entries, history and
/// replies, and the mail about them, anonymised or deleted as retention does it (<see cref="CasePersonalFields"/>).
/// </summary>
internal sealed class CaseProgramData(HandoffDbContext db, CasePersonalFields fields) : IProgramDataPart
{
    private const int BatchSize = 1000;

    public string Kind => "case_personal_fields";

    public async Task<long> CountAsync(Guid programId, CancellationToken cancellationToken) =>
        await fields.CountAsync(CasesOf(programId), cancellationToken) + await fields.CountMailAsync(CasesOf(programId), cancellationToken);

    public async Task<long> DisposeAsync(Guid programId, CancellationToken cancellationToken)
    {
        long total = 0;
        int done;
        do
        {
            done = await fields.AnonymiseBatchAsync(CasesOf(programId), BatchSize, cancellationToken);
            total += done;
        }
        while (done > 0);

        return total + await fields.DeleteMailAsync(CasesOf(programId), cancellationToken);
    }

    private IQueryable<Guid> CasesOf(Guid programId) => db.Cases.Where(c => c.ProgramId == programId).Select(c => c.Id);
}
