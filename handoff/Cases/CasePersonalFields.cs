using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Cases;

/// <summary>
/// Anonymises a set of cases, for retention (cases completed before a cutoff) and for a program's disposal (its cases):
/// every encrypted personal field and look-up hash of the case, its entries' text and subjects and its history's
/// before/after values become null, and its replies and the mail sent or received about it are deleted. The case, its
/// number, status, category, department and times stay, so the figures keep counting it.
/// </summary>
internal sealed class CasePersonalFields(HandoffDbContext db)
{
    /// <summary>Rows of <paramref name="cases"/> that still hold personal data.</summary>
    public async Task<long> CountAsync(IQueryable<Guid> cases, CancellationToken cancellationToken) =>
        await WithFields(cases).LongCountAsync(cancellationToken) + await EntriesWithText(cases).LongCountAsync(cancellationToken)
            + await HistoryWithValues(cases).LongCountAsync(cancellationToken) + await Replies(cases).LongCountAsync(cancellationToken);

    /// <summary>Mail about <paramref name="cases"/> (kept by the mail period in retention; deleted with a program).</summary>
    public async Task<long> CountMailAsync(IQueryable<Guid> cases, CancellationToken cancellationToken) =>
        await db.MailOutbox.LongCountAsync(m => m.CaseId != null && cases.Contains(m.CaseId.Value), cancellationToken)
            + await db.MailInbox.LongCountAsync(m => m.CaseId != null && cases.Contains(m.CaseId.Value), cancellationToken);

    /// <summary>Anonymises at most <paramref name="max"/> rows of <paramref name="cases"/>; returns how many (0 when none are left).</summary>
    public Task<int> AnonymiseBatchAsync(IQueryable<Guid> cases, int max, CancellationToken cancellationToken) =>
        Core.Retention.RetentionBatch.InTurnAsync(max,
            left => AnonymiseCasesAsync(cases, left, cancellationToken),
            async left =>
            {
                var ids = await EntriesWithText(cases).OrderBy(e => e.Id).Select(e => e.Id).Take(left).ToListAsync(cancellationToken);
                return ids.Count == 0 ? 0 : await db.CaseEntries.Where(e => ids.Contains(e.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.Text, (string?)null).SetProperty(e => e.Subject, (string?)null), cancellationToken);
            },
            async left =>
            {
                var ids = await HistoryWithValues(cases).OrderBy(h => h.Id).Select(h => h.Id).Take(left).ToListAsync(cancellationToken);
                return ids.Count == 0 ? 0 : await db.CaseHistory.Where(h => ids.Contains(h.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(h => h.Before, (string?)null).SetProperty(h => h.After, (string?)null), cancellationToken);
            },
            async left =>
            {
                var ids = await Replies(cases).OrderBy(r => r.Id).Select(r => r.Id).Take(left).ToListAsync(cancellationToken);
                return ids.Count == 0 ? 0 : await db.CaseReplies.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
            });

    /// <summary>Deletes the mail about <paramref name="cases"/>; returns how many.</summary>
    public async Task<int> DeleteMailAsync(IQueryable<Guid> cases, CancellationToken cancellationToken) =>
        await db.MailOutbox.Where(m => m.CaseId != null && cases.Contains(m.CaseId.Value)).ExecuteDeleteAsync(cancellationToken)
            + await db.MailInbox.Where(m => m.CaseId != null && cases.Contains(m.CaseId.Value)).ExecuteDeleteAsync(cancellationToken);

    private IQueryable<CaseRecord> WithFields(IQueryable<Guid> cases) =>
        db.Cases
            .Where(c => cases.Contains(c.Id))
            .Where(c => c.Subject != null || c.Description != null || c.ContactName != null || c.ContactKana != null
                || c.ContactPhone != null || c.ContactEmail != null || c.PostalCode != null || c.Address != null
                || c.CustomFieldsJson != null || c.RedialNote != null || c.NameHash != null || c.PhoneHash != null
                || c.EmailHash != null || c.AddressHash != null);

    private IQueryable<CaseEntry> EntriesWithText(IQueryable<Guid> cases) =>
        db.CaseEntries.Where(e => cases.Contains(e.CaseId) && (e.Text != null || e.Subject != null));

    private IQueryable<CaseHistoryEntry> HistoryWithValues(IQueryable<Guid> cases) =>
        db.CaseHistory.Where(h => cases.Contains(h.CaseId) && (h.Before != null || h.After != null));

    private IQueryable<CaseReply> Replies(IQueryable<Guid> cases) => db.CaseReplies.Where(r => cases.Contains(r.CaseId));

    private async Task<int> AnonymiseCasesAsync(IQueryable<Guid> cases, int max, CancellationToken cancellationToken)
    {
        var ids = await WithFields(cases).OrderBy(c => c.CreatedAtUtc).Select(c => c.Id).Take(max).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return 0;
        }

        return await db.Cases.Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Subject, (string?)null).SetProperty(c => c.Description, (string?)null)
            .SetProperty(c => c.ContactName, (string?)null).SetProperty(c => c.ContactKana, (string?)null)
            .SetProperty(c => c.ContactPhone, (string?)null).SetProperty(c => c.ContactEmail, (string?)null)
            .SetProperty(c => c.PostalCode, (string?)null).SetProperty(c => c.Address, (string?)null)
            .SetProperty(c => c.CustomFieldsJson, (string?)null).SetProperty(c => c.RedialNote, (string?)null)
            .SetProperty(c => c.NameHash, (string?)null).SetProperty(c => c.PhoneHash, (string?)null)
            .SetProperty(c => c.EmailHash, (string?)null).SetProperty(c => c.AddressHash, (string?)null)
            // Saved edits of a case open elsewhere fail on the version rather than bring the fields back.
            .SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
    }
}
