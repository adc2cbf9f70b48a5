using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ConversationHub.Bot.Line.Inbox;
using ConversationHub.Bot.Line.Infrastructure;
using ConversationHub.Bot.Persistence;
using ConversationHub.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Bot.Line.Webhook;

/// <summary>
/// Stores a verified webhook body's events in the inbox, once per <c>webhookEventId</c>, and wakes the worker.
/// Nothing else happens before LINE gets its 200: no peer is called inline.
/// </summary>
internal sealed class LineWebhookInbox(BotDbContext db, IPiiProtector pii, LineInboxSignal signal, TimeProvider time)
{
    public const string UserHashPurpose = "line.UserId";

    /// <summary>Stores the events of <paramref name="callback"/>; returns how many were new.</summary>
    /// <exception cref="JsonException">The body is not a LINE callback.</exception>
    public async Task<int> AcceptAsync(JsonElement callback, CancellationToken cancellationToken)
    {
        if (callback.ValueKind != JsonValueKind.Object || !callback.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("A LINE callback has an events array.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var stored = 0;
        foreach (var item in events.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object))
        {
            var row = ToRow(item, now);
            if (await db.LineInbox.AnyAsync(e => e.WebhookEventId == row.WebhookEventId, cancellationToken))
            {
                continue;
            }

            db.LineInbox.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                stored++;
            }
            catch (DbUpdateException)
            {
                // The same event may have arrived at another node at the same moment: then it is stored once, there.
                if (!await IsStoredAsync(row.WebhookEventId, cancellationToken))
                {
                    throw;
                }
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        if (stored > 0)
        {
            signal.Wake();
        }

        return stored;
    }

    public string HashUser(string userId) => pii.ComputeLookupHash(userId, UserHashPurpose);

    private LineInboxEvent ToRow(JsonElement item, DateTime now)
    {
        var raw = item.GetRawText();
        var type = StringOf(item, "type") ?? "unknown";
        // webhookEventId is always sent; an event without one is keyed by its content so a resend still dedupes.
        var id = StringOf(item, "webhookEventId") ?? "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw)))[..40];
        var userId = item.TryGetProperty("source", out var source) && source.ValueKind == JsonValueKind.Object ? StringOf(source, "userId") : null;
        var occurred = item.TryGetProperty("timestamp", out var ts) && ts.TryGetInt64(out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime
            : now;
        return new LineInboxEvent(id.Length > 64 ? id[..64] : id, type.Length > 32 ? type[..32] : type, userId, userId is null ? "" : HashUser(userId), raw, occurred, now);
    }

    private Task<bool> IsStoredAsync(string webhookEventId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return db.LineInbox.AnyAsync(e => e.WebhookEventId == webhookEventId, cancellationToken);
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
