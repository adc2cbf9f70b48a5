using ConversationHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Core.Retention;

/// <summary>
/// Deletes the audit log's oldest entries, older than the period (at least a year). The newest entry is always kept so
/// the chain goes on from it; the chain check starts from the oldest entry kept.
/// </summary>
internal sealed class AuditLogRetentionPolicy(HubDbContext db) : IRetentionPolicy
{
    public string Kind => RetentionKinds.AuditLog;

    public async Task<int> ApplyBatchAsync(DateTime cutoffUtc, int batchSize, CancellationToken cancellationToken)
    {
        var expired = await (await ExpiredAsync(cutoffUtc, cancellationToken))
            .OrderBy(e => e.Sequence).Select(e => e.Sequence).Take(batchSize).ToListAsync(cancellationToken);
        return expired.Count == 0 ? 0 : await db.AuditLog.Where(e => expired.Contains(e.Sequence)).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<long> CountExpiredAsync(DateTime cutoffUtc, CancellationToken cancellationToken) =>
        await (await ExpiredAsync(cutoffUtc, cancellationToken)).LongCountAsync(cancellationToken);

    private async Task<IQueryable<Audit.AuditEntry>> ExpiredAsync(DateTime cutoffUtc, CancellationToken cancellationToken)
    {
        var newest = await db.AuditLog.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
        return db.AuditLog.Where(e => e.AtUtc < cutoffUtc && e.Sequence < newest);
    }
}
