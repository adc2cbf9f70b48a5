using ConversationHub.Core.Retention;
using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Cases;

/// <summary>
/// Anonymises cases completed before the cutoff: every encrypted personal field and the lookup hashes of the case, its
/// entries' text and subjects and its history's before/after values become null, and its replies (address, subject,
/// body) are deleted. The case, its number, status, category, department and times stay, so the figures keep counting it.
/// </summary>
internal sealed class CasePersonalFieldsRetentionPolicy(HandoffDbContext db) : IRetentionPolicy
{
    public string Kind => RetentionKinds.CasePersonalFields;

    public Task<int> ApplyBatchAsync(DateTime cutoffUtc, int batchSize, CancellationToken cancellationToken)
    {
        var expired = Expired(cutoffUtc);
        return RetentionBatch.InTurnAsync(batchSize,
            max => AnonymiseCasesAsync(expired, max, cancellationToken),
            async max =>
            {
                var ids = await EntriesWithText(expired).OrderBy(e => e.Id).Select(e => e.Id).Take(max).ToListAsync(cancellationToken);
                return ids.Count == 0 ? 0 : await db.CaseEntries.Where(e => ids.Contains(e.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.Text, (string?)null).SetProperty(e => e.Subject, (string?)null), cancellationToken);
            },
            async max =>
            {
                var ids = await HistoryWithValues(expired).OrderBy(h => h.Id).Select(h => h.Id).Take(max).ToListAsync(cancellationToken);
                return ids.Count == 0 ? 0 : await db.CaseHistory.Where(h => ids.Contains(h.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(h => h.Before, (string?)null).SetProperty(h => h.After, (string?)null), cancellationToken);
            },
            async max =>
            {
                var ids = await Replies(expired).OrderBy(r => r.Id).Select(r => r.Id).Take(max).ToListAsync(cancellationToken);
                return ids.Count == 0 ? 0 : await db.CaseReplies.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
            });
    }

    public async Task<long> CountExpiredAsync(DateTime cutoffUtc, CancellationToken cancellationToken)
    {
        var expired = Expired(cutoffUtc);
        return await CasesWithFields(expired).LongCountAsync(cancellationToken) + await EntriesWithText(expired).LongCountAsync(cancellationToken)
            + await HistoryWithValues(expired).LongCountAsync(cancellationToken) + await Replies(expired).LongCountAsync(cancellationToken);
    }

    private IQueryable<Guid> Expired(DateTime cutoffUtc) =>
        db.Cases.Where(c => c.Status == CaseStatus.Completed && c.CompletedAtUtc != null && c.CompletedAtUtc < cutoffUtc).Select(c => c.Id);

    private IQueryable<CaseRecord> CasesWithFields(IQueryable<Guid> expired) =>
        db.Cases
            .Where(c => expired.Contains(c.Id))
            .Where(c => c.Subject != null || c.Description != null || c.ContactName != null || c.ContactKana != null
                || c.ContactPhone != null || c.ContactEmail != null || c.PostalCode != null || c.Address != null
                || c.CustomFieldsJson != null || c.RedialNote != null || c.NameHash != null || c.PhoneHash != null
                || c.EmailHash != null || c.AddressHash != null);

    private IQueryable<CaseEntry> EntriesWithText(IQueryable<Guid> expired) =>
        db.CaseEntries.Where(e => expired.Contains(e.CaseId) && (e.Text != null || e.Subject != null));

    private IQueryable<CaseHistoryEntry> HistoryWithValues(IQueryable<Guid> expired) =>
        db.CaseHistory.Where(h => expired.Contains(h.CaseId) && (h.Before != null || h.After != null));

    private IQueryable<CaseReply> Replies(IQueryable<Guid> expired) => db.CaseReplies.Where(r => expired.Contains(r.CaseId));

    private async Task<int> AnonymiseCasesAsync(IQueryable<Guid> expired, int max, CancellationToken cancellationToken)
    {
        var ids = await CasesWithFields(expired)
            .OrderBy(c => c.CompletedAtUtc).Select(c => c.Id).Take(max).ToListAsync(cancellationToken);
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
