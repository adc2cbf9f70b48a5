using System.Text.Json;
using ConversationHub.Core.ContactEvents.Domain;
using ConversationHub.Core.ContactEvents.Services;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Events;
using ConversationHub.Core.Persistence;
using ConversationHub.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Core.Conversations.Services;

internal sealed class ConversationStore(HubDbContext db, IPiiProtector pii, IHubEvents events, TimeProvider time) : IConversationStore
{
    private const string CitizenKeyPurpose = "conversations.CitizenKey";

    // Stateless; the store writes its contact events itself, in the transaction of the change they describe.
    private static readonly ContactEventRecorder Recorder = new();

    public Task<Conversation> StartAsync(ConversationChannel channel, string citizenKey, CancellationToken cancellationToken) =>
        StartAsync(channel, citizenKey, null, cancellationToken);

    public async Task<Conversation> StartAsync(ConversationChannel channel, string citizenKey, Guid? programId, CancellationToken cancellationToken)
    {
        var conversation = new Conversation(channel, citizenKey, time.GetUtcNow().UtcDateTime)
        {
            CitizenKeyHash = HashCitizen(channel, citizenKey),
        };
        if (programId is { } program)
        {
            conversation.EnterProgram(program);
        }

        db.Conversations.Add(conversation);
        // The change and its contact events commit together: a node killed in between loses both or neither.
        IReadOnlyList<ContactEvent> arrived = ConversationContactEvents.ArrivesWithFirstMessage(channel)
            ? []
            : [ConversationContactEvents.Arrived(conversation.Id, channel, conversation.ProgramId, conversation.CreatedAtUtc)];
        await Recorder.SaveChangesWithAsync(db, arrived, cancellationToken);
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

    public Task<Conversation?> FindAwaitingSurveyAsync(ConversationChannel channel, string citizenKey, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var hash = HashCitizen(channel, citizenKey);
        return db.Conversations
            .Where(c => c.CitizenKeyHash == hash && c.Owner == ConversationOwner.Closed && c.SurveyUntilUtc > nowUtc)
            .OrderByDescending(c => c.CreatedAtUtc)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public Task<Conversation?> FindAsync(Guid conversationId, CancellationToken cancellationToken) =>
        TranscriptQueries.Conversation.For(db)(db, conversationId, cancellationToken);

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
            await AppendInTransactionAsync([activity], ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);

        await PublishAddedAsync(activity, cancellationToken);
        return activity;
    }

    public async Task AppendAsync(IReadOnlyList<TranscriptActivity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        if (activities.Count == 0)
        {
            return;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await AppendInTransactionAsync(activities, ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
        // One notice for the batch, as for a bot's reply: listeners read everything after what they have.
        await PublishAddedAsync(activities[^1], cancellationToken);
    }

    public async Task<IReadOnlyList<PendingTurn>> FindPendingTurnsAsync(DateTime storedBeforeUtc, int max, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return await db.Activities.AsNoTracking()
            .Where(a => a.Turn == TurnState.Pending && a.TimestampUtc <= storedBeforeUtc && (a.TurnLeaseUntilUtc == null || a.TurnLeaseUntilUtc < now))
            .OrderBy(a => a.TimestampUtc)
            .Take(max)
            .Select(a => new PendingTurn(a.ConversationId, a.Sequence, a.Type))
            .ToListAsync(cancellationToken);
    }

    public async Task<TranscriptActivity?> ClaimTurnAsync(Guid conversationId, long sequence, string owner, DateTime leaseUntilUtc, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;

        // One UPDATE with the condition in its WHERE: PostgreSQL re-checks it on the locked row, SQLite serialises
        // writers, so of two nodes claiming at once exactly one sees a row changed.
        var claimed = await db.Activities
            .Where(a => a.ConversationId == conversationId && a.Sequence == sequence && a.Turn == TurnState.Pending
                && (a.TurnLeaseUntilUtc == null || a.TurnLeaseUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.TurnLeaseOwner, owner).SetProperty(a => a.TurnLeaseUntilUtc, leaseUntilUtc), cancellationToken);
        return claimed == 0
            ? null
            : await TranscriptQueries.At.For(db)(db, conversationId, sequence, cancellationToken)
                ?? throw new InvalidOperationException($"The claimed activity {sequence} of conversation {conversationId} is gone.");
    }

    public async Task<bool> CompleteTurnAsync(
        Guid conversationId, long sequence, string owner, IReadOnlyList<TranscriptActivity> replies, CancellationToken cancellationToken,
        IReadOnlyList<ContactEvent>? contactEvents = null)
    {
        ArgumentNullException.ThrowIfNull(replies);
        var strategy = db.Database.CreateExecutionStrategy();
        var completed = await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var done = await db.Activities
                .Where(a => a.ConversationId == conversationId && a.Sequence == sequence && a.Turn == TurnState.Pending && a.TurnLeaseOwner == owner)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Turn, TurnState.Done).SetProperty(a => a.TurnLeaseUntilUtc, (DateTime?)null), ct);
            if (done == 0)
            {
                await transaction.RollbackAsync(ct);
                return false;
            }

            if (replies.Count > 0)
            {
                await AppendInTransactionAsync(replies, ct);
            }

            if (contactEvents is { Count: > 0 })
            {
                await Recorder.RecordAsync(db, contactEvents, ct);
            }

            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);

        // PERF: one announcement for the whole answer: subscribers only wake and re-read after their watermark, so
        // the last activity stands for those before it, and each stream reads the answer once instead of per reply.
        if (completed && replies.Count > 0)
        {
            await PublishAddedAsync(replies[^1], cancellationToken);
        }

        return completed;
    }

    public async Task<IReadOnlyList<PendingDelivery>> FindPendingDeliveriesAsync(ConversationChannel channel, int max, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.Activities.AsNoTracking()
            .Where(a => a.Delivery == DeliveryState.Pending && (a.NextAttemptAtUtc == null || a.NextAttemptAtUtc <= now))
            .Join(db.Conversations.Where(c => c.Channel == channel), a => a.ConversationId, c => c.Id, (a, c) => new { Activity = a, c.CitizenKey })
            .OrderBy(x => x.Activity.TimestampUtc)
            .Take(max)
            .ToListAsync(cancellationToken);
        return [.. due.Select(x => new PendingDelivery(x.Activity.Id, x.Activity.ConversationId, x.Activity.Sequence, x.CitizenKey, x.Activity.ActivityJson, x.Activity.DeliveryAttempts))];
    }

    public async Task<IReadOnlyList<TranscriptActivity>> ReadPendingDeliveriesAsync(Guid conversationId, int max, CancellationToken cancellationToken) =>
        await db.Activities.AsNoTracking()
            .Where(a => a.ConversationId == conversationId && a.Delivery == DeliveryState.Pending)
            .OrderBy(a => a.Sequence)
            .Take(max)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<FailedDelivery>> FindFailedDeliveriesAsync(ConversationChannel channel, int max, CancellationToken cancellationToken) =>
        await db.Activities.AsNoTracking()
            .Where(a => a.Delivery == DeliveryState.Failed && db.Conversations.Any(c => c.Id == a.ConversationId && c.Channel == channel))
            .OrderByDescending(a => a.TimestampUtc)
            .Take(max)
            .Select(a => new FailedDelivery(a.Id, a.ConversationId, a.Sequence, a.DeliveryAttempts, a.TimestampUtc))
            .ToListAsync(cancellationToken);

    public Task MarkDeliveryNotRequiredAsync(Guid activityId, CancellationToken cancellationToken) =>
        db.Activities.Where(a => a.Id == activityId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Delivery, DeliveryState.NotRequired).SetProperty(a => a.NextAttemptAtUtc, (DateTime?)null), cancellationToken);

    public Task MarkDeliveredAsync(Guid activityId, CancellationToken cancellationToken) =>
        db.Activities.Where(a => a.Id == activityId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Delivery, DeliveryState.Delivered).SetProperty(a => a.DeliveryAttempts, a => a.DeliveryAttempts + 1).SetProperty(a => a.NextAttemptAtUtc, (DateTime?)null), cancellationToken);

    public Task MarkDeliveryFailedAsync(Guid activityId, DateTime? retryAtUtc, CancellationToken cancellationToken) =>
        db.Activities.Where(a => a.Id == activityId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Delivery, retryAtUtc == null ? DeliveryState.Failed : DeliveryState.Pending)
                .SetProperty(a => a.DeliveryAttempts, a => a.DeliveryAttempts + 1)
                .SetProperty(a => a.NextAttemptAtUtc, retryAtUtc), cancellationToken);

    public async Task SaveFileAsync(ConversationFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        db.Files.Add(file);
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task<ConversationFile?> FindFileAsync(Guid conversationId, Guid fileId, CancellationToken cancellationToken) =>
        db.Files.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId && f.ConversationId == conversationId, cancellationToken);

    // Inside the caller's transaction. The UPDATE takes the conversation's row lock, so concurrent appends on any node
    // are serialised and each gets the next numbers; the read in the same transaction sees its own increment.
    // PERF: the activities of one answer share one increment, one read and one batched insert.
    private async Task AppendInTransactionAsync(IReadOnlyList<TranscriptActivity> activities, CancellationToken cancellationToken)
    {
        var conversationId = activities[0].ConversationId;
        if (activities.Any(a => a.ConversationId != conversationId))
        {
            throw new ArgumentException("The activities of one append belong to one conversation.", nameof(activities));
        }

        var count = activities.Count;
        var updated = await db.Conversations.Where(c => c.Id == conversationId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastSequence, c => c.LastSequence + count), cancellationToken);
        if (updated == 0)
        {
            throw new KeyNotFoundException($"Conversation {conversationId} does not exist.");
        }

        var conversation = await TranscriptQueries.LastSequence.For(db)(db, conversationId, cancellationToken);
        var firstSequence = conversation.LastSequence - count + 1;
        var previousUtc = await TranscriptQueries.TimestampAt.For(db)(db, conversationId, firstSequence - 1, cancellationToken);
        for (var i = 0; i < count; i++)
        {
            var activity = activities[i];
            activity.Sequence = firstSequence + i;

            // Push channels send messages from the transcript; the sender retries until delivered, also after a crash.
            // Typing indicators and events are not sent as such (LINE shows its own loading animation).
            if (activity.Direction == ActivityDirection.Outbound && activity.Delivery == DeliveryState.NotRequired
                && string.Equals(activity.Type, "message", StringComparison.Ordinal)
                && conversation.Channel is ConversationChannel.Line or ConversationChannel.Email or ConversationChannel.Voice)
            {
                activity.Delivery = DeliveryState.Pending;
            }

            previousUtc = KeepTimestampIncreasing(activity, previousUtc);
            db.Activities.Add(activity);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (ConversationContactEvents.ArrivesWithFirstMessage(conversation.Channel)
            && activities.FirstOrDefault(IsCitizenMessage) is { } first)
        {
            // The event's key is the conversation's, so only the first message's insert stores a row.
            await Recorder.RecordAsync(db, [ConversationContactEvents.Arrived(conversationId, conversation.Channel, conversation.ProgramId, first.TimestampUtc)], cancellationToken);
        }
    }

    private static bool IsCitizenMessage(TranscriptActivity activity) =>
        activity.Direction == ActivityDirection.Inbound && string.Equals(activity.Type, "message", StringComparison.Ordinal);

    private async Task PublishAddedAsync(TranscriptActivity activity, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Serialize(new ActivityAddedPayload(activity.ConversationId, activity.Sequence), ConversationJsonContext.Default.ActivityAddedPayload);
        await events.PublishAsync(ConversationEventTopics.ActivityAdded, payload, cancellationToken);
    }

    public async Task<IReadOnlyList<TranscriptActivity>> ReadAsync(Guid conversationId, long afterSequence, int max, CancellationToken cancellationToken) =>
        await AsyncEnumerable.ToListAsync(TranscriptQueries.After.For(db)(db, conversationId, afterSequence, max), cancellationToken);

    public async Task SaveAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        await Recorder.SaveChangesWithAsync(db, ConversationContactEvents.Of(conversation), cancellationToken);
        foreach (var raised in conversation.Events)
        {
            await events.PublishAsync(raised.Topic, JsonSerializer.Serialize<object>(raised), cancellationToken);
        }

        conversation.ClearEvents();
    }

    // Clients order by timestamp (Web Chat does), so sequence order and timestamp order must agree even when two
    // writers prepared their activities concurrently: a timestamp not after its predecessor's moves to 1 ms after it.
    // Returns the activity's final timestamp, the predecessor of the next one.
    private static DateTime KeepTimestampIncreasing(TranscriptActivity activity, DateTime? previousUtc)
    {
        var next = ActivityTimestamps.Next(activity.TimestampUtc, previousUtc);
        if (next != ActivityTimestamps.Truncate(activity.TimestampUtc))
        {
            activity.RestampAfter(next);
        }

        return next;
    }

    private Task<TranscriptActivity?> FindByClientIdAsync(Guid conversationId, string clientActivityId, CancellationToken cancellationToken) =>
        TranscriptQueries.ByClientId.For(db)(db, conversationId, clientActivityId, cancellationToken);

    private string HashCitizen(ConversationChannel channel, string citizenKey) =>
        pii.ComputeLookupHash($"{channel}:{citizenKey}", CitizenKeyPurpose);
}
