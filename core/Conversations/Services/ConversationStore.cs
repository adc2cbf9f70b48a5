using System.Text.Json;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Events;
using ConversationHub.Core.Persistence;
using ConversationHub.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Core.Conversations.Services;

internal sealed class ConversationStore(HubDbContext db, IPiiProtector pii, IHubEvents events, TimeProvider time) : IConversationStore
{
    private const string CitizenKeyPurpose = "conversations.CitizenKey";

    public async Task<Conversation> StartAsync(ConversationChannel channel, string citizenKey, CancellationToken cancellationToken)
    {
        var conversation = new Conversation(channel, citizenKey, time.GetUtcNow().UtcDateTime)
        {
            CitizenKeyHash = HashCitizen(channel, citizenKey),
        };
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync(cancellationToken);
        return conversation;
    }

    public Task<Conversation?> FindOpenAsync(ConversationChannel channel, string citizenKey, CancellationToken cancellationToken)
    {
        var hash = HashCitizen(channel, citizenKey);
        return db.Conversations
            .Where(c => c.CitizenKeyHash == hash && (c.Owner == ConversationOwner.Bot || c.Owner == ConversationOwner.Queued || c.Owner == ConversationOwner.Agent))
            .OrderByDescending(c => c.CreatedAtUtc)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public Task<Conversation?> FindAsync(Guid conversationId, CancellationToken cancellationToken) =>
        db.Conversations.FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken);

    public async Task<TranscriptActivity> AppendAsync(TranscriptActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ClientActivityId is { } clientId && await FindByClientIdAsync(activity.ConversationId, clientId, cancellationToken) is { } existing)
        {
            return existing;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);

            // The UPDATE takes the conversation's row lock, so concurrent appends on any node are serialised and
            // each gets the next number; the read in the same transaction sees its own increment.
            var updated = await db.Conversations.Where(c => c.Id == activity.ConversationId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastSequence, c => c.LastSequence + 1), ct);
            if (updated == 0)
            {
                throw new KeyNotFoundException($"Conversation {activity.ConversationId} does not exist.");
            }

            activity.Sequence = await db.Conversations.Where(c => c.Id == activity.ConversationId).Select(c => c.LastSequence).SingleAsync(ct);
            await KeepTimestampsIncreasingAsync(activity, ct);
            db.Activities.Add(activity);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);

        var payload = JsonSerializer.Serialize(new ActivityAddedPayload(activity.ConversationId, activity.Sequence), ConversationJsonContext.Default.ActivityAddedPayload);
        await events.PublishAsync(ConversationEventTopics.ActivityAdded, payload, cancellationToken);
        return activity;
    }

    public async Task<IReadOnlyList<TranscriptActivity>> ReadAsync(Guid conversationId, long afterSequence, int max, CancellationToken cancellationToken) =>
        await db.Activities.AsNoTracking()
            .Where(a => a.ConversationId == conversationId && a.Sequence > afterSequence)
            .OrderBy(a => a.Sequence)
            .Take(max)
            .ToListAsync(cancellationToken);

    public async Task SaveAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var raised in conversation.Events)
        {
            await events.PublishAsync(raised.Topic, JsonSerializer.Serialize<object>(raised), cancellationToken);
        }

        conversation.ClearEvents();
    }

    // Clients order by timestamp (Web Chat does), so sequence order and timestamp order must agree even when two
    // writers prepared their activities concurrently: a timestamp not after its predecessor's moves to 1 ms after it.
    private async Task KeepTimestampsIncreasingAsync(TranscriptActivity activity, CancellationToken cancellationToken)
    {
        var previous = await db.Activities.AsNoTracking()
            .Where(a => a.ConversationId == activity.ConversationId && a.Sequence == activity.Sequence - 1)
            .Select(a => (DateTime?)a.TimestampUtc)
            .SingleOrDefaultAsync(cancellationToken);
        var next = ActivityTimestamps.Next(activity.TimestampUtc, previous);
        if (next != ActivityTimestamps.Truncate(activity.TimestampUtc))
        {
            activity.RestampAfter(next);
        }
    }

    private Task<TranscriptActivity?> FindByClientIdAsync(Guid conversationId, string clientActivityId, CancellationToken cancellationToken) =>
        db.Activities.AsNoTracking().FirstOrDefaultAsync(a => a.ConversationId == conversationId && a.ClientActivityId == clientActivityId, cancellationToken);

    private string HashCitizen(ConversationChannel channel, string citizenKey) =>
        pii.ComputeLookupHash($"{channel}:{citizenKey}", CitizenKeyPurpose);
}
