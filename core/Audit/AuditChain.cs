using ConversationHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Core.Audit;

/// <summary>
/// Checks the audit log's hash chain from its oldest kept entry (older ones may have gone by retention; the oldest kept
/// one's link to its predecessor is taken as given) and reports the first entry that does not follow.
/// </summary>
public static class AuditChain
{
    private const int Page = 1000;

    /// <summary>Walks the whole chain in order.</summary>
    public static async Task<AuditChainReport> VerifyAsync(HubDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        long checkedCount = 0;
        long? after = null;
        AuditEntry? previous = null;
        while (true)
        {
            var page = await db.AuditLog.AsNoTracking()
                .Where(e => after == null || e.Sequence > after)
                .OrderBy(e => e.Sequence).Take(Page).ToListAsync(cancellationToken);
            foreach (var entry in page)
            {
                var broken = Check(previous, entry);
                if (broken is not null)
                    return new AuditChainReport(checkedCount, entry.Sequence, broken);
                previous = entry;
                checkedCount++;
            }

            if (page.Count < Page)
                return new AuditChainReport(checkedCount, null, null);
            after = page[^1].Sequence;
        }
    }

    private static string? Check(AuditEntry? previous, AuditEntry entry)
    {
        if (previous is not null && entry.Sequence != previous.Sequence + 1)
            return $"entries {previous.Sequence + 1}–{entry.Sequence - 1} are missing";
        if (previous is not null && !string.Equals(entry.PreviousHash, previous.Hash, StringComparison.Ordinal))
            return $"its link does not match entry {previous.Sequence} (an entry was replaced)";
        if (!string.Equals(entry.ComputeHash(), entry.Hash, StringComparison.Ordinal))
            return "its fields do not match its hash (the row was edited)";
        return null;
    }
}

/// <summary>The result of a chain check: how many entries hold, and the first that does not, with why.</summary>
public sealed record AuditChainReport(long Checked, long? BrokenAt, string? Reason)
{
    /// <summary>True when every entry follows its predecessor.</summary>
    public bool Intact => BrokenAt is null;
}
