using ConversationHub.Core.Retention;
using ConversationHub.VoiceBridge.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.VoiceBridge.Retention;

/// <summary>
/// Deletes the call records (caller number, questions asked, path through the flow) of calls and callbacks ended
/// before the cutoff. Calls still going on are kept whatever their age; the contact events keep the figures.
/// </summary>
internal sealed class CallRecordRetentionPolicy(VoiceDbContext db) : IRetentionPolicy
{
    public string Kind => RetentionKinds.CallRecords;

    public Task<int> ApplyBatchAsync(DateTime cutoffUtc, int batchSize, CancellationToken cancellationToken) =>
        RetentionBatch.InTurnAsync(batchSize,
            async max =>
            {
                var ids = await db.Calls.Where(c => c.EndedAtUtc != null && c.EndedAtUtc < cutoffUtc)
                    .OrderBy(c => c.EndedAtUtc).Select(c => c.CallConnectionId).Take(max).ToListAsync(cancellationToken);
                return ids.Count == 0 ? 0 : await db.Calls.Where(c => ids.Contains(c.CallConnectionId)).ExecuteDeleteAsync(cancellationToken);
            },
            async max =>
            {
                var ids = await db.Callbacks.Where(c => c.EndedAtUtc != null && c.EndedAtUtc < cutoffUtc)
                    .OrderBy(c => c.EndedAtUtc).Select(c => c.Id).Take(max).ToListAsync(cancellationToken);
                return ids.Count == 0 ? 0 : await db.Callbacks.Where(c => ids.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
            });
}
