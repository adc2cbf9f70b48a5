using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ConversationHub.Bot.Line.Apis;
using ConversationHub.Bot.Line.Webhook;

namespace ConversationHub.Bot.Benchmark;

/// <summary>
/// Citizens on the platform's LINE channel, as LINE itself would send them: each is opened with a <c>follow</c> event
/// (answered by the greeting), and each question is a text <c>message</c> event with a reply token of its own, POSTed
/// to the webhook signed with the channel secret (<c>x-line-signature</c>, HMAC-SHA256 as LINE signs). A question is
/// answered when the <see cref="LineLoadStub"/> receives the reply call with its token, or a push to its citizen.
/// </summary>
/// <remarks>
/// A push carries no token, so it is matched to the citizen's latest event; the load sends a citizen's next question
/// only many seconds later (see <see cref="LoadArguments"/>), so the latest is the one it answers.
/// </remarks>
internal sealed class LineLoadTarget : ILoadTarget
{
    private const string Destination = "U00000000000000000000000000000000";

    private readonly Uri _webhook;
    private readonly string _channelSecret;
    private readonly HttpClient _http;
    private readonly LoadMeasurements _measurements;
    private readonly string _run = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
    private readonly ConcurrentDictionary<string, string> _latestTokenOfUser = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _greetingTokens = new(StringComparer.Ordinal);
    private long _events;
    private int _opened;
    private int _greeted;

    public LineLoadTarget(Uri baseAddress, string channelSecret, HttpClient http, LineLoadStub stub, LoadMeasurements measurements)
    {
        _webhook = new Uri(baseAddress, "/api/line/webhook");
        _channelSecret = channelSecret;
        _http = http;
        _measurements = measurements;
        stub.Replied = (token, messages, at) => OnCall(token, messages, at);
        stub.Pushed = (userId, messages, at) => OnCall(_latestTokenOfUser.GetValueOrDefault(userId), messages, at);
    }

    public async Task<bool> OpenAsync(int index, CancellationToken cancellationToken)
    {
        var (userId, token) = (UserId(index), NextToken());
        _greetingTokens[token] = 0;
        _latestTokenOfUser[userId] = token;
        var follow = Event("follow", userId, token);
        follow["follow"] = new JsonObject { ["isUnblocked"] = false };
        var accepted = await PostAsync(follow, cancellationToken);
        if (accepted)
        {
            Interlocked.Increment(ref _opened);
        }

        return accepted;
    }

    public async Task WaitIdleAsync(TimeSpan within, CancellationToken cancellationToken)
    {
        var until = Stopwatch.GetTimestamp() + (long)(within.TotalSeconds * Stopwatch.Frequency);
        while (Volatile.Read(ref _greeted) < Volatile.Read(ref _opened) && Stopwatch.GetTimestamp() < until)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    public async Task SendAsync(int index, string text, long scheduled, CancellationToken cancellationToken)
    {
        var (userId, token) = (UserId(index), NextToken());
        _latestTokenOfUser[userId] = token;
        var message = Event("message", userId, token);
        message["message"] = new JsonObject { ["id"] = token[^12..], ["type"] = "text", ["text"] = text, ["quoteToken"] = "q" + token };
        _measurements.Sent(token, scheduled);
        try
        {
            if (!await PostAsync(message, cancellationToken))
            {
                _measurements.Error();
            }
        }
        catch (HttpRequestException)
        {
            _measurements.Error();
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private void OnCall(string? token, int messages, long at)
    {
        _measurements.Received(messages);
        if (token is null)
        {
            return;
        }

        if (_greetingTokens.TryRemove(token, out _))
        {
            Interlocked.Increment(ref _greeted);
            return;
        }

        _measurements.CallArrived(token, at);
    }

    private async Task<bool> PostAsync(JsonObject lineEvent, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(new JsonObject { ["destination"] = Destination, ["events"] = new JsonArray(lineEvent) }.ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, _webhook) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        request.Headers.Add(LineApi.SignatureHeader, LineSignature.Compute(_channelSecret, body));
        using var response = await _http.SendAsync(request, cancellationToken);
        return response.IsSuccessStatusCode;
    }

    private static JsonObject Event(string type, string userId, string replyToken) => new()
    {
        ["type"] = type,
        ["mode"] = "active",
        ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        ["source"] = new JsonObject { ["type"] = "user", ["userId"] = userId },
        ["webhookEventId"] = "01LOAD" + Guid.NewGuid().ToString("N").ToUpperInvariant()[..20],
        ["deliveryContext"] = new JsonObject { ["isRedelivery"] = false },
        ["replyToken"] = replyToken,
    };

    // LINE's user ids are "U" and 32 hex digits; this run's prefix keeps two runs on one database apart.
    private string UserId(int index) => string.Create(CultureInfo.InvariantCulture, $"U{_run}{index:x16}");

    private string NextToken() => string.Create(CultureInfo.InvariantCulture, $"{_run}{Interlocked.Increment(ref _events):x16}");
}
