using ConversationHub.Core.Retention;
using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Cases;

/// <summary>Anonymises cases completed before the cutoff (see <see cref="CasePersonalFields"/>).</summary>
internal sealed class CasePersonalFieldsRetentionPolicy(HandoffDbContext db, CasePersonalFields fields) : IRetentionPolicy
{
    public string Kind => RetentionKinds.CasePersonalFields;

    public Task<int> ApplyBatchAsync(DateTime cutoffUtc, int batchSize, CancellationToken cancellationToken) =>
        fields.AnonymiseBatchAsync(Expired(cutoffUtc), batchSize, cancellationToken);

    public Task<long> CountExpiredAsync(DateTime cutoffUtc, CancellationToken cancellationToken) =>
        fields.CountAsync(Expired(cutoffUtc), cancellationToken);

    private IQueryable<Guid> Expired(DateTime cutoffUtc) =>
        db.Cases.Where(c => c.Status == CaseStatus.Completed && c.CompletedAtUtc != null && c.CompletedAtUtc < cutoffUtc).Select(c => c.Id);
}
