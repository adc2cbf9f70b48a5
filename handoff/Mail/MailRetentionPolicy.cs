using ConversationHub.Core.Retention;
using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Mail;

/// <summary>
/// Deletes finished mail older than the cutoff: received mail that was routed or could not be, and sent or failed
/// outgoing mail. Mail still waiting or being worked on is kept whatever its age.
/// </summary>
internal sealed class MailRetentionPolicy(HandoffDbContext db) : IRetentionPolicy
{
    public string Kind => RetentionKinds.Mail;

    public Task<int> ApplyBatchAsync(DateTime cutoffUtc, int batchSize, CancellationToken cancellationToken) =>
        RetentionBatch.InTurnAsync(batchSize,
            async max =>
            {
                var ids = await FinishedInbound(cutoffUtc).OrderBy(m => m.ReceivedAtUtc).Select(m => m.Id).Take(max).ToListAsync(cancellationToken);
                return ids.Count == 0 ? 0 : await db.MailInbox.Where(m => ids.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken);
            },
            async max =>
            {
                var ids = await FinishedOutbound(cutoffUtc).OrderBy(m => m.CreatedAtUtc).Select(m => m.Id).Take(max).ToListAsync(cancellationToken);
                return ids.Count == 0 ? 0 : await db.MailOutbox.Where(m => ids.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken);
            });

    public async Task<long> CountExpiredAsync(DateTime cutoffUtc, CancellationToken cancellationToken) =>
        await FinishedInbound(cutoffUtc).LongCountAsync(cancellationToken) + await FinishedOutbound(cutoffUtc).LongCountAsync(cancellationToken);

    private IQueryable<InboundMail> FinishedInbound(DateTime cutoffUtc) =>
        db.MailInbox.Where(m => m.ReceivedAtUtc < cutoffUtc && (m.State == InboundMailState.Routed || m.State == InboundMailState.Unrouted));

    private IQueryable<OutboundMail> FinishedOutbound(DateTime cutoffUtc) =>
        db.MailOutbox.Where(m => m.CreatedAtUtc < cutoffUtc && (m.State == OutboundMailState.Sent || m.State == OutboundMailState.Failed));
}
