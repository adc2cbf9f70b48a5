using ConversationHub.Handoff.Cases;
using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Inquiry;

/// <summary>
/// Makes a citizen's case once per submission key, with the citizen's confirmation mail: the case, its submission key
/// and the mail in the outbox commit in one transaction (a process that dies after the commit has queued the mail; one
/// that dies before has made nothing). A key seen before returns its case; two requests racing on one key meet at the
/// key's unique index and the loser returns the winner's case.
/// </summary>
internal sealed class ReceiveCase(HandoffDbContext db, CaseDesk desk, CaseMailer mailer, TimeProvider time)
{
    /// <summary>The case made for <paramref name="key"/>, whether now or earlier (<paramref name="repeated"/> true).</summary>
    public async Task<(CaseOutcome Outcome, bool Repeated)> ReceiveAsync(
        string key, CaseChannel channel, CaseInput input, CustomFieldCheck fields, Guid? conversationId, IReadOnlyList<CaseEntryDraft> entries,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(key.Length, CaseSubmission.MaxKeyLength);
        if (await FindAsync(key, cancellationToken) is { } earlier)
        {
            return (CaseOutcome.Ok(earlier), true);
        }

        try
        {
            var outcome = await desk.CreateAsync(null, channel, input, fields, conversationId, entries, (context, record) =>
            {
                context.CaseSubmissions.Add(new CaseSubmission(key, record.Id, time.GetUtcNow().UtcDateTime));
                mailer.Confirmation(context, record);
            }, cancellationToken);
            return (outcome, false);
        }
        catch (DbUpdateException)
        {
            // The same key committed first on another request: that request's case is this one's.
            db.ChangeTracker.Clear();
            if (await FindAsync(key, cancellationToken) is { } winner)
            {
                return (CaseOutcome.Ok(winner), true);
            }

            throw;
        }
    }

    private async Task<CaseRecord?> FindAsync(string key, CancellationToken cancellationToken) =>
        await db.CaseSubmissions.AsNoTracking().Where(s => s.Key == key)
            .Join(db.Cases.AsNoTracking(), s => s.CaseId, c => c.Id, (s, c) => c)
            .FirstOrDefaultAsync(cancellationToken);
}
