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
/// is kept as failed for staff.
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
        var pending = await db.LineDeliveries
            .Where(d => d.ConversationId == conversationId && d.State == DeliveryState.Pending)
            .OrderBy(d => d.Sequence)
            .Take(20)
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        if (pending.Count == 0 || pending[0].NextAttemptAtUtc > now)
        {
            return false;
        }

        var first = pending[0];
        if (first.RetryKey is null && pending.Count < MaxMessagesPerCall)
        {
            // The bot writes an answer as several activities in a row: wait a moment so they go out in one call.
            var wait = pending.Max(d => d.CreatedAtUtc) + settings.DeliveryBatchWindow - now;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
                return true;
            }
        }

        // A batch that was pushed before is retried exactly as it was: same rows, same key.
        var batch = first.RetryKey is { } key
            ? pending.Where(d => d.RetryKey == key).ToList()
            : pending.TakeWhile(d => d.RetryKey is null).Take(MaxMessagesPerCall).ToList();
        var conversation = await store.FindAsync(conversationId, cancellationToken);
        var activities = (await store.ReadAsync(conversationId, batch[0].Sequence - 1, (int)(batch[^1].Sequence - batch[0].Sequence + 1), cancellationToken))
            .ToDictionary(a => a.Sequence);

        var carrying = new List<(LineDelivery Row, LineMessage Message)>();
        foreach (var row in batch)
        {
            var message = activities.TryGetValue(row.Sequence, out var activity)
                ? LineMessageMapper.Map(activity.ActivityJson, settings.MaxTextLength, site.CurrentValue.PublicBaseUrl, strings["ReadMoreOnSite"])
                : null;
            if (message is null)
            {
                // Nothing LINE can show (an empty message): done, nothing to send.
                row.State = DeliveryState.NotRequired;
                row.UpdatedAtUtc = now;
            }
            else
            {
                carrying.Add((row, message));
            }
        }

        if (carrying.Count == 0 || conversation is null)
        {
            foreach (var (row, _) in carrying)
            {
                Fail(row, "conversation not found", now);
            }

            await db.SaveChangesAsync(cancellationToken);
            return true;
        }

        var messages = carrying.Select(c => c.Message).ToList();
        var rows = carrying.Select(c => c.Row).ToList();
        if (first.RetryKey is null && first.Attempts == 0
            && await TakeReplyTokenAsync(conversation.Id, activities[rows[0].Sequence], cancellationToken) is { } replyToken)
        {
            var replied = await client.ReplyAsync(new LineReplyRequest(replyToken, messages), cancellationToken);
            // A refused token (400: expired or used) falls back to push at once; a 429 or 5xx waits and then pushes.
            if (replied.IsSuccess || replied.IsRetryable || replied.Status != 400)
            {
                await RecordAsync(rows, replied, "reply", cancellationToken);
                return true;
            }

            Log.ReplyRefused(logger, conversation.Id, replied.Status);
        }

        if (rows[0].RetryKey is not { } retryKey)
        {
            retryKey = Guid.NewGuid();
            rows.ForEach(r => r.RetryKey = retryKey);
            // Stored before the first try: a crash after LINE accepted the push still retries under this key (409).
            await db.SaveChangesAsync(cancellationToken);
        }

        var pushed = await client.PushAsync(new LinePushRequest(conversation.CitizenKey, messages), retryKey, cancellationToken);
        await RecordAsync(rows, pushed, "push", cancellationToken);
        return true;
    }

    private async Task RecordAsync(List<LineDelivery> rows, LineApiResult result, string method, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var row in rows)
        {
            row.Attempts++;
            row.UpdatedAtUtc = now;
            if (result.IsSuccess || (method == "push" && result.IsAlreadyAccepted))
            {
                row.State = DeliveryState.Delivered;
                row.Method = method;
                row.NextAttemptAtUtc = null;
                row.LastError = null;
            }
            else if (result.IsRetryable && row.Attempts < settings.MaxDeliveryAttempts)
            {
                var backoff = settings.RetryBaseDelay * Math.Pow(2, row.Attempts - 1);
                row.NextAttemptAtUtc = now + (result.RetryAfter > backoff ? result.RetryAfter.Value : backoff);
                row.LastError = Describe(method, result);
            }
            else
            {
                Fail(row, Describe(method, result), now);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await MirrorIntoTranscriptAsync(rows, cancellationToken);
        var conversationId = rows[0].ConversationId;
        if (rows[0].State == DeliveryState.Delivered)
        {
            Log.Delivered(logger, conversationId, rows.Count, method);
        }
        else
        {
            Log.NotDelivered(logger, conversationId, method, result.Status, rows[0].Attempts, rows[0].State);
        }
    }

    // The outbox is the sender's own record; the transcript shows staff the same state next to each message.
    private async Task MirrorIntoTranscriptAsync(List<LineDelivery> rows, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            if (row.State == DeliveryState.Delivered)
            {
                await store.MarkDeliveredAsync(row.ActivityId, cancellationToken);
            }
            else
            {
                await store.MarkDeliveryFailedAsync(row.ActivityId, row.State == DeliveryState.Failed ? null : row.NextAttemptAtUtc, cancellationToken);
            }
        }
    }

    // The reply token of the inbound message the first activity answers, if it is fresh and this call is the one
    // that spends it (a conditional update: a token is used once, by one node).
    private async Task<string?> TakeReplyTokenAsync(Guid conversationId, TranscriptActivity activity, CancellationToken cancellationToken)
    {
        if (ReplyToSequence(activity, conversationId) is not { } sequence
            || await store.ReadAsync(conversationId, sequence - 1, 1, cancellationToken) is not [{ ClientActivityId: { } clientId }]
            || !clientId.StartsWith(LineEventProcessor.ClientIdPrefix, StringComparison.Ordinal))
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

    private static void Fail(LineDelivery row, string error, DateTime now)
    {
        row.State = DeliveryState.Failed;
        row.NextAttemptAtUtc = null;
        row.LastError = error.Length > 300 ? error[..300] : error;
        row.UpdatedAtUtc = now;
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
