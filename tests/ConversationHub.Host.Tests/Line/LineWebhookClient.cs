using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ConversationHub.Bot.Line.Webhook;

namespace ConversationHub.Host.Tests.Line;

/// <summary>Sends webhook bodies as LINE does (signed with the channel secret) and keeps every accepted body.</summary>
public sealed class LineWebhookClient(HttpClient http, string channelSecret) : IDisposable
{
    public const string Destination = "U0123456789abcdef0123456789abcdef";

    private static int _counter;

    public ConcurrentQueue<string> AcceptedBodies { get; } = new();

    public static string NewUserId() => "U" + Guid.NewGuid().ToString("N");

    public static string NewEventId() => "01JX" + Interlocked.Increment(ref _counter).ToString("D6", System.Globalization.CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();

    public static JsonObject Event(string type, string userId, string? replyToken, DateTimeOffset? at = null, string? eventId = null, bool redelivery = false)
    {
        var e = new JsonObject
        {
            ["type"] = type,
            ["mode"] = "active",
            ["timestamp"] = (at ?? DateTimeOffset.UtcNow).ToUnixTimeMilliseconds(),
            ["webhookEventId"] = eventId ?? NewEventId(),
            ["deliveryContext"] = new JsonObject { ["isRedelivery"] = redelivery },
            ["source"] = new JsonObject { ["type"] = "user", ["userId"] = userId },
        };
        if (replyToken is not null)
        {
            e["replyToken"] = replyToken;
        }

        return e;
    }

    public static JsonObject Text(string userId, string text, string replyToken, DateTimeOffset? at = null, string? eventId = null)
    {
        var e = Event("message", userId, replyToken, at, eventId);
        e["message"] = new JsonObject { ["id"] = "5" + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999), ["type"] = "text", ["text"] = text, ["quoteToken"] = "q-" + replyToken };
        return e;
    }

    public static JsonObject WithMessage(JsonObject e, JsonObject message)
    {
        e["message"] = message;
        return e;
    }

    public static string Body(params JsonObject[] events) =>
        new JsonObject { ["destination"] = Destination, ["events"] = new JsonArray(events.Select(e => (JsonNode)e.DeepClone()).ToArray()) }.ToJsonString();

    public Task<HttpStatusCode> PostAsync(CancellationToken cancellationToken, params JsonObject[] events) =>
        PostRawAsync(Body(events), LineSignature.Compute(channelSecret, Encoding.UTF8.GetBytes(Body(events))), cancellationToken);

    public async Task<HttpStatusCode> PostRawAsync(string body, string? signature, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/line/webhook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.Add("x-line-signature", signature);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            AcceptedBodies.Enqueue(body);
        }

        return response.StatusCode;
    }

    public void Dispose() => http.Dispose();
}
