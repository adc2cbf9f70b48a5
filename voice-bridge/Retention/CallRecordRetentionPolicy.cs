using ConversationHub.Core.Retention;
using ConversationHub.VoiceBridge.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.VoiceBridge.Retention;

/// <summary>
/// Deletes the call records (caller number, questions asked, path through the flow) of calls and callbacks ended
/// before the cutoff, and the processed-event ledger's rows received before it: a handled row is forgotten after days
/// anyway, but an event never handled keeps its encrypted payload (which names the caller) until this cutoff at most.
/// Calls still going on are kept whatever their age; the contact events keep the figures.
/// </summary>
internal sealed class CallRecordRetentionPolicy(VoiceDbContext db) : IRetentionPolicy
{
    public string Kind => RetentionKinds.CallRecords;

    public Task<int> ApplyBatchAsync(DateTime cutoffUtc, int batchSize, CancellationToken cancellationToken) =>
        RetentionBatch.InTurnAsync(batchSize,
            async max =>
            {
                var ids = await EndedCalls(cutoffUtc).OrderBy(c => c.EndedAtUtc).Select(c => c.CallConnectionId).Take(max).ToListAsync(cancellationToken);
                return ids.Count == 0 ? 0 : await db.Calls.Where(c => ids.Contains(c.CallConnectionId)).ExecuteDeleteAsync(cancellationToken);
            },
            async max =>
            {
                var ids = await EndedCallbacks(cutoffUtc).OrderBy(c => c.EndedAtUtc).Select(c => c.Id).Take(max).ToListAsync(cancellationToken);
                return ids.Count == 0 ? 0 : await db.Callbacks.Where(c => ids.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
            },
            async max =>
            {
                var expired = await LedgerRows(cutoffUtc).OrderBy(e => e.ReceivedAtUtc).Select(e => new { e.Source, e.EventId }).Take(max).ToListAsync(cancellationToken);
                var deleted = 0;
                foreach (var source in expired.GroupBy(e => e.Source))
                {
                    var ids = source.Select(e => e.EventId).ToList();
                    deleted += await db.ProcessedEvents.Where(e => e.Source == source.Key && ids.Contains(e.EventId)).ExecuteDeleteAsync(cancellationToken);
                }

                return deleted;
            });

    public async Task<long> CountExpiredAsync(DateTime cutoffUtc, CancellationToken cancellationToken) =>
        await EndedCalls(cutoffUtc).LongCountAsync(cancellationToken) + await EndedCallbacks(cutoffUtc).LongCountAsync(cancellationToken)
            + await LedgerRows(cutoffUtc).LongCountAsync(cancellationToken);

    private IQueryable<VoiceCall> EndedCalls(DateTime cutoffUtc) => db.Calls.Where(c => c.EndedAtUtc != null && c.EndedAtUtc < cutoffUtc);

    private IQueryable<OutboundCallback> EndedCallbacks(DateTime cutoffUtc) => db.Callbacks.Where(c => c.EndedAtUtc != null && c.EndedAtUtc < cutoffUtc);

    private IQueryable<ProcessedVoiceEvent> LedgerRows(DateTime cutoffUtc) => db.ProcessedEvents.Where(e => e.ReceivedAtUtc < cutoffUtc);
}
