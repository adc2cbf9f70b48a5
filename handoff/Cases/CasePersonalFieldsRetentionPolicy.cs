using ConversationHub.Core.Retention;
using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Cases;

/// <summary>
/// Anonymises cases completed before the cutoff: every encrypted personal field and the lookup hashes become null. The
/// case, its number, status, category, department and times stay, so the figures and reports keep counting it.
/// </summary>
internal sealed class CasePersonalFieldsRetentionPolicy(HandoffDbContext db) : IRetentionPolicy
{
    public string Kind => RetentionKinds.CasePersonalFields;

    public async Task<int> ApplyBatchAsync(DateTime cutoffUtc, int batchSize, CancellationToken cancellationToken)
    {
        var expired = await db.Cases
            .Where(c => c.Status == CaseStatus.Completed && c.CompletedAtUtc != null && c.CompletedAtUtc < cutoffUtc)
            .Where(c => c.Subject != null || c.Description != null || c.ContactName != null || c.ContactKana != null
                || c.ContactPhone != null || c.ContactEmail != null || c.PostalCode != null || c.Address != null
                || c.CustomFieldsJson != null || c.RedialNote != null || c.NameHash != null || c.PhoneHash != null
                || c.EmailHash != null || c.AddressHash != null)
            .OrderBy(c => c.CompletedAtUtc).Select(c => c.Id).Take(batchSize).ToListAsync(cancellationToken);
        if (expired.Count == 0)
        {
            return 0;
        }

        return await db.Cases.Where(c => expired.Contains(c.Id)).ExecuteUpdateAsync(s => s
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
