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

    public async Task<int> ApplyBatchAsync(DateTime cutoffUtc, int batchSize, CancellationToken cancellationToken)
    {
        var calls = await db.Calls.Where(c => c.EndedAtUtc != null && c.EndedAtUtc < cutoffUtc)
            .OrderBy(c => c.EndedAtUtc).Select(c => c.CallConnectionId).Take(batchSize).ToListAsync(cancellationToken);
        var deleted = calls.Count == 0 ? 0 : await db.Calls.Where(c => calls.Contains(c.CallConnectionId)).ExecuteDeleteAsync(cancellationToken);
        if (deleted >= batchSize)
        {
            return deleted;
        }

        var callbacks = await db.Callbacks.Where(c => c.EndedAtUtc != null && c.EndedAtUtc < cutoffUtc)
            .OrderBy(c => c.EndedAtUtc).Select(c => c.Id).Take(batchSize - deleted).ToListAsync(cancellationToken);
        return deleted + (callbacks.Count == 0 ? 0 : await db.Callbacks.Where(c => callbacks.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken));
    }
}
