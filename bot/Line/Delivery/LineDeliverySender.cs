using System.Globalization;
using System.Text.Json;
using ConversationHub.Bot.Line.Client;
using ConversationHub.Bot.Line.Inbox;
using ConversationHub.Bot.Line.Resources;
using ConversationHub.Bot.Persistence;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Faq.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Bot.Line.Delivery;

/// <summary>
/// Sends one conversation's pending outbound activities to LINE, in order, up to 5 per call: by reply while the
/// reply token of the message they answer is fresh and unspent, otherwise by push with a retry key stored before
/// the first try. 429, 5xx and timeouts are retried with exponential backoff under the same key; what still fails
/// is kept as failed for staff. What is pending, its attempts and its next try are read from and written to the
/// transcript; <see cref="LineDelivery"/> rows keep only the retry key, the method and LINE's last error.
/// </summary>
internal sealed partial class LineDeliverySender(
    BotDbContext db,
    IConversationStore store,
    LineMessagingClient client,
    IOptionsMonitor<LineChannelOptions> options,
    IOptionsMonitor<FaqSiteOptions> site,
    IStringLocalizer<LineStrings> strings,
    TimeProvider time,
    ILogger<LineDeliverySender> logger)
{
    public const int MaxMessagesPerCall = 5;

    public async Task SendConversationAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        while (await SendNextBatchAsync(conversationId, cancellationToken))
        {
            db.ChangeTracker.Clear();
        }
    }

    // false when nothing is due in the conversation.
    private async Task<bool> SendNextBatchAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        // In order: a message waiting for its retry holds back the ones written after it.
        var pending = await store.ReadPendingDeliveriesAsync(conversationId, 20, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        if (pending.Count == 0 || pending[0].NextAttemptAtUtc > now)
        {
            return false;
        }

        var ids = pending.Select(a => a.Id).ToList();
        var lineRows = await db.LineDeliveries.Where(d => ids.Contains(d.ActivityId)).ToDictionaryAsync(d => d.ActivityId, cancellationToken);
        var firstKey = RetryKeyOf(lineRows, pending[0]);
        // The citizen's activity that a new batch answers, if any: it says whether the answer is whole, and it holds
        // the reply token.
        var answered = firstKey is null ? await ReadAnsweredAsync(conversationId, pending[0], cancellationToken) : null;
        if (firstKey is null && pending.Count < MaxMessagesPerCall && answered?.Turn != TurnState.Done)
        {
            // Messages written one by one (an agent's): wait a moment so consecutive ones go out in one call. A bot
            // turn's answer never waits here: the turn writes all of it in the transaction that marks the citizen's
            // activity done, so once that activity is done nothing more is coming, on whichever path sends it.
            var wait = pending.Max(a => a.TimestampUtc) + settings.DeliveryBatchWindow - now;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait < settings.DeliveryBatchWindow ? wait : settings.DeliveryBatchWindow, time, cancellationToken);
                return true;
            }
        }

        // A batch that was pushed before is retried exactly as it was: same activities, same key.
        var batch = firstKey is { } key
            ? pending.Where(a => RetryKeyOf(lineRows, a) == key).ToList()
            : pending.TakeWhile(a => RetryKeyOf(lineRows, a) is null).Take(MaxMessagesPerCall).ToList();
        if (await store.FindAsync(conversationId, cancellationToken) is not { } conversation)
        {
            // Deleted meanwhile: its transcript went with it.
            return false;
        }

        var sending = new List<TranscriptActivity>();
        var messages = new List<LineMessage>();
        foreach (var activity in batch)
        {
            if (LineMessageMapper.Map(activity.ActivityJson, settings.MaxTextLength, site.CurrentValue.PublicBaseUrl, strings["ReadMoreOnSite"]) is { } message)
            {
                sending.Add(activity);
                messages.Add(message);
            }
            else
            {
                // Nothing LINE can show (an empty message): nothing to send.
                await store.MarkDeliveryNotRequiredAsync(activity.Id, cancellationToken);
            }
        }

        if (sending.Count == 0)
        {
            return true;
        }

        if (firstKey is null && sending[0].DeliveryAttempts == 0
            && await TakeReplyTokenAsync(answered, cancellationToken) is { } replyToken)
        {
            var replied = await client.ReplyAsync(new LineReplyRequest(replyToken, messages), cancellationToken);
            // A refused token (400: expired or used) falls back to push at once; a 429 or 5xx waits and then pushes.
            if (replied.IsSuccess || replied.IsRetryable || replied.Status != 400)
            {
                await RecordAsync(sending, lineRows, "reply", replied, cancellationToken);
                return true;
            }

            Log.ReplyRefused(logger, conversation.Id, replied.Status);
        }

        if (firstKey is not { } retryKey)
        {
            retryKey = Guid.NewGuid();
            sending.ForEach(a => RowFor(lineRows, a.Id, now).RetryKey = retryKey);
            // Stored before the first try: a crash after LINE accepted the push still retries under this key (409).
            await db.SaveChangesAsync(cancellationToken);
        }

        var pushed = await client.PushAsync(new LinePushRequest(conversation.CitizenKey, messages), retryKey, cancellationToken);
        await RecordAsync(sending, lineRows, "push", pushed, cancellationToken);
        return true;
    }

    private async Task RecordAsync(List<TranscriptActivity> sent, Dictionary<Guid, LineDelivery> lineRows, string method, LineApiResult result, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var now = time.GetUtcNow().UtcDateTime;
        var delivered = result.IsSuccess || (method == "push" && result.IsAlreadyAccepted);
        var outcomes = new List<(Guid ActivityId, int Attempts, DateTime? RetryAtUtc)>();
        foreach (var activity in sent)
        {
            var row = RowFor(lineRows, activity.Id, now);
            row.UpdatedAtUtc = now;
            row.Method = delivered ? method : row.Method;
            row.LastError = delivered ? null : Describe(method, result);
            var attempts = activity.DeliveryAttempts + 1;
            DateTime? retryAtUtc = null;
            if (!delivered && result.IsRetryable && attempts < settings.MaxDeliveryAttempts)
            {
                var backoff = settings.RetryBaseDelay * Math.Pow(2, attempts - 1);
                retryAtUtc = now + (result.RetryAfter > backoff ? result.RetryAfter.Value : backoff);
            }

            outcomes.Add((activity.Id, attempts, retryAtUtc));
        }

        // LINE's details first, the transcript last: the transcript decides what is sent again, so a crash between
        // the two writes means one more try under the stored key (answered 409), never a message lost.
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (activityId, _, retryAtUtc) in outcomes)
        {
            if (delivered)
            {
                await store.MarkDeliveredAsync(activityId, cancellationToken);
            }
            else
            {
                await store.MarkDeliveryFailedAsync(activityId, retryAtUtc, cancellationToken);
            }
        }

        var conversationId = sent[0].ConversationId;
        if (delivered)
        {
            Log.Delivered(logger, conversationId, sent.Count, method);
        }
        else
        {
            var state = outcomes[0].RetryAtUtc is null ? DeliveryState.Failed : DeliveryState.Pending;
            Log.NotDelivered(logger, conversationId, method, result.Status, outcomes[0].Attempts, state);
        }
    }

    private LineDelivery RowFor(Dictionary<Guid, LineDelivery> lineRows, Guid activityId, DateTime now)
    {
        if (!lineRows.TryGetValue(activityId, out var row))
        {
            row = new LineDelivery(activityId, now);
            db.LineDeliveries.Add(row);
            lineRows[activityId] = row;
        }

        return row;
    }

    private static Guid? RetryKeyOf(Dictionary<Guid, LineDelivery> lineRows, TranscriptActivity activity) =>
        lineRows.TryGetValue(activity.Id, out var row) ? row.RetryKey : null;

    // The inbound activity that the first of a batch answers (its replyToId), or null.
    private async Task<TranscriptActivity?> ReadAnsweredAsync(Guid conversationId, TranscriptActivity first, CancellationToken cancellationToken) =>
        ReplyToSequence(first, conversationId) is { } sequence
            && await store.ReadAsync(conversationId, sequence - 1, 1, cancellationToken) is [{ Direction: ActivityDirection.Inbound } inbound]
            ? inbound
            : null;

    // The reply token of the inbound LINE message the batch answers, if it is fresh and this call is the one that
    // spends it (a conditional update: a token is used once, by one node).
    private async Task<string?> TakeReplyTokenAsync(TranscriptActivity? answered, CancellationToken cancellationToken)
    {
        if (answered is not { ClientActivityId: { } clientId } || !clientId.StartsWith(LineEventProcessor.ClientIdPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var webhookEventId = clientId[LineEventProcessor.ClientIdPrefix.Length..];
        var now = time.GetUtcNow().UtcDateTime;
        var freshSince = now - options.CurrentValue.ReplyTokenLifetime;
        var inbound = await db.LineInbox.AsNoTracking().FirstOrDefaultAsync(e => e.WebhookEventId == webhookEventId, cancellationToken);
        if (inbound is null || inbound.ReplyTokenUsedAtUtc is not null || inbound.ReceivedAtUtc < freshSince || inbound.OccurredAtUtc < freshSince)
        {
            return null;
        }

        using var json = JsonDocument.Parse(inbound.EventJson);
        var e = json.RootElement;
        var redelivered = e.TryGetProperty("deliveryContext", out var context) && context.TryGetProperty("isRedelivery", out var flag) && flag.ValueKind == JsonValueKind.True;
        if (redelivered || !e.TryGetProperty("replyToken", out var token) || token.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var taken = await db.LineInbox.Where(r => r.Id == inbound.Id && r.ReplyTokenUsedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReplyTokenUsedAtUtc, now), cancellationToken);
        return taken == 1 ? token.GetString() : null;
    }

    private static long? ReplyToSequence(TranscriptActivity activity, Guid conversationId)
    {
        using var json = JsonDocument.Parse(activity.ActivityJson);
        var prefix = conversationId + "|";
        return json.RootElement.TryGetProperty("replyToId", out var replyTo) && replyTo.GetString() is { } id
            && id.StartsWith(prefix, StringComparison.Ordinal)
            && long.TryParse(id.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : null;
    }

    private static string Describe(string method, LineApiResult result)
    {
        var text = method + ": " + result.Describe();
        return text.Length > 300 ? text[..300] : text;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3320, Level = LogLevel.Debug, Message = "LINE delivered {Count} message(s) of conversation {ConversationId} by {Method}")]
        public static partial void Delivered(ILogger logger, Guid conversationId, int count, string method);

        [LoggerMessage(EventId = 3321, Level = LogLevel.Warning, Message = "LINE {Method} for conversation {ConversationId} failed with {Status} (attempt {Attempts}, now {State})")]
        public static partial void NotDelivered(ILogger logger, Guid conversationId, string method, int status, int attempts, DeliveryState state);

        [LoggerMessage(EventId = 3322, Level = LogLevel.Information, Message = "LINE reply token refused ({Status}) in conversation {ConversationId}; pushing instead")]
        public static partial void ReplyRefused(ILogger logger, Guid conversationId, int status);
    }
}
