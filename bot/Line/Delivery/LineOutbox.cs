using ConversationHub.Bot.Line.Infrastructure;
using ConversationHub.Bot.Persistence;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Bot.Line.Delivery;

/// <summary>
/// Puts outbound message activities of LINE conversations in the outbox. Called for each new activity (every node
/// hears it; the activity id is the key, so it is added once) and, for what a crash may have missed, by a sweep
/// over the recent transcript.
/// </summary>
internal sealed class LineOutbox(BotDbContext db, HubDbContext hub, LineDeliverySignal signal, TimeProvider time)
{
    public async Task AddAsync(Guid conversationId, long sequence, CancellationToken cancellationToken)
    {
        var candidate = await hub.Activities.AsNoTracking()
            .Where(a => a.ConversationId == conversationId && a.Sequence == sequence && a.Direction == ActivityDirection.Outbound && a.Type == "message")
            .Where(a => hub.Conversations.Any(c => c.Id == a.ConversationId && c.Channel == ConversationChannel.Line))
            .Select(a => new { a.Id, a.ConversationId, a.Sequence })
            .FirstOrDefaultAsync(cancellationToken);
        if (candidate is not null && await AddMissingAsync([(candidate.Id, candidate.ConversationId, candidate.Sequence)], cancellationToken) > 0)
        {
            signal.Wake();
        }
    }

    /// <summary>Adds outbound LINE messages of the last <paramref name="window"/> that have no delivery yet.</summary>
    public async Task<int> ReconcileAsync(TimeSpan window, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow().UtcDateTime - window;
        var recent = await hub.Activities.AsNoTracking()
            .Where(a => a.Direction == ActivityDirection.Outbound && a.Type == "message" && a.TimestampUtc >= since)
            .Where(a => hub.Conversations.Any(c => c.Id == a.ConversationId && c.Channel == ConversationChannel.Line))
            .Select(a => new { a.Id, a.ConversationId, a.Sequence })
            .ToListAsync(cancellationToken);
        var added = await AddMissingAsync(recent.Select(a => (a.Id, a.ConversationId, a.Sequence)).ToList(), cancellationToken);
        if (added > 0)
        {
            signal.Wake();
        }

        return added;
    }

    private async Task<int> AddMissingAsync(List<(Guid Id, Guid ConversationId, long Sequence)> activities, CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var chunk in activities.Chunk(200))
        {
            var ids = chunk.Select(a => a.Id).ToList();
            var known = await db.LineDeliveries.Where(d => ids.Contains(d.ActivityId)).Select(d => d.ActivityId).ToListAsync(cancellationToken);
            foreach (var activity in chunk.Where(a => !known.Contains(a.Id)))
            {
                db.LineDeliveries.Add(new LineDelivery(activity.Id, activity.ConversationId, activity.Sequence, time.GetUtcNow().UtcDateTime));
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    added++;
                }
                catch (DbUpdateException)
                {
                    // Another node added it at the same moment.
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }
        }

        return added;
    }
}
