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

    public async Task<int> ApplyBatchAsync(DateTime cutoffUtc, int batchSize, CancellationToken cancellationToken)
    {
        var inbound = await db.MailInbox
            .Where(m => m.ReceivedAtUtc < cutoffUtc && (m.State == InboundMailState.Routed || m.State == InboundMailState.Unrouted))
            .OrderBy(m => m.ReceivedAtUtc).Select(m => m.Id).Take(batchSize).ToListAsync(cancellationToken);
        var deleted = inbound.Count == 0 ? 0 : await db.MailInbox.Where(m => inbound.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken);
        if (deleted >= batchSize)
        {
            return deleted;
        }

        var outbound = await db.MailOutbox
            .Where(m => m.CreatedAtUtc < cutoffUtc && (m.State == OutboundMailState.Sent || m.State == OutboundMailState.Failed))
            .OrderBy(m => m.CreatedAtUtc).Select(m => m.Id).Take(batchSize - deleted).ToListAsync(cancellationToken);
        return deleted + (outbound.Count == 0 ? 0 : await db.MailOutbox.Where(m => outbound.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken));
    }
}
