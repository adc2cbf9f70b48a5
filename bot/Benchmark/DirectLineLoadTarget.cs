using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConversationHub.Bot.Benchmark;

/// <summary>
/// Citizens on the platform's Direct Line 3.0, as an embedder's web chat would be: a token from
/// <c>/tokens/generate</c> with the embedder secret (the anonymous path is rate-limited per address by design), the
/// conversation started with that token, its <c>streamUrl</c> socket open, and questions POSTed as activities. A
/// question is answered when the bot's first message with <c>replyToId</c> equal to the POST's id arrives on the socket.
/// </summary>
internal sealed class DirectLineLoadTarget(Uri baseAddress, string secret, HttpClient http, LoadMeasurements measurements) : ILoadTarget
{
    private readonly Dictionary<int, Conversation> _conversations = [];
    private readonly CancellationTokenSource _stopped = new();
    private int _greeted;

    public async Task<bool> OpenAsync(int index, CancellationToken cancellationToken)
    {
        var userId = $"load-{index:D5}";
        using var generate = Post("/v3/directline/tokens/generate", secret, new JsonObject { ["user"] = new JsonObject { ["id"] = userId } });
        using var generated = await http.SendAsync(generate, cancellationToken);
        if (!generated.IsSuccessStatusCode)
        {
            return false;
        }

        var token = (await generated.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))?["token"]?.GetValue<string>();
        using var start = Post("/v3/directline/conversations", token, null);
        using var started = await http.SendAsync(start, cancellationToken);
        var conversation = started.IsSuccessStatusCode ? await started.Content.ReadFromJsonAsync<JsonObject>(cancellationToken) : null;
        if (conversation?["streamUrl"]?.GetValue<string>() is not { } streamUrl || conversation["token"]?.GetValue<string>() is not { } streamToken)
        {
            return false;
        }

        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(streamUrl), cancellationToken);
        var opened = new Conversation(conversation["conversationId"]!.GetValue<string>(), streamToken, userId, socket);
        opened.Receiving = SocketFrames.ReadAllAsync(socket, frame => OnFrame(opened, frame), _stopped.Token);
        lock (_conversations)
        {
            _conversations[index] = opened;
        }

        return true;
    }

    public async Task WaitIdleAsync(TimeSpan within, CancellationToken cancellationToken)
    {
        var until = Stopwatch.GetTimestamp() + (long)(within.TotalSeconds * Stopwatch.Frequency);
        while (Volatile.Read(ref _greeted) < Count() && Stopwatch.GetTimestamp() < until)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    public async Task SendAsync(int index, string text, long scheduled, CancellationToken cancellationToken)
    {
        Conversation conversation;
        lock (_conversations)
        {
            conversation = _conversations[index];
        }

        try
        {
            var activity = new JsonObject
            {
                ["type"] = "message",
                ["from"] = new JsonObject { ["id"] = conversation.UserId },
                ["locale"] = "ja-JP",
                ["text"] = text,
            };
            using var post = Post($"/v3/directline/conversations/{conversation.Id}/activities", conversation.Token, activity);
            using var response = await http.SendAsync(post, cancellationToken);
            var id = response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))?["id"]?.GetValue<string>() : null;
            if (id is null)
            {
                measurements.Error();
                return;
            }

            measurements.Sent(id, scheduled);
        }
        catch (HttpRequestException)
        {
            measurements.Error();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopped.CancelAsync();
        List<Conversation> all;
        lock (_conversations)
        {
            all = [.. _conversations.Values];
        }

        await SocketFrames.CloseAllAsync(all.Select(c => (WebSocket)c.Socket));
        await Task.WhenAll(all.Select(c => c.Receiving ?? Task.CompletedTask));
        _stopped.Dispose();
    }

    private int Count()
    {
        lock (_conversations)
        {
            return _conversations.Count;
        }
    }

    private void OnFrame(Conversation conversation, ReadOnlyMemory<byte> frame)
    {
        var arrived = Stopwatch.GetTimestamp();
        using var document = JsonDocument.Parse(frame);
        if (!document.RootElement.TryGetProperty("activities", out var activities))
        {
            return;
        }

        measurements.Received(activities.GetArrayLength());
        foreach (var activity in activities.EnumerateArray())
        {
            if (!IsBotMessage(activity))
            {
                continue;
            }

            if (activity.TryGetProperty("replyToId", out var replyTo) && replyTo.GetString() is { } id)
            {
                measurements.Arrived(id, arrived);
            }
            else if (!conversation.Greeted)
            {
                conversation.Greeted = true;
                Interlocked.Increment(ref _greeted);
            }
        }
    }

    private static bool IsBotMessage(JsonElement activity) =>
        activity.TryGetProperty("type", out var type) && type.ValueEquals("message")
        && activity.TryGetProperty("from", out var from) && from.TryGetProperty("role", out var role) && role.ValueEquals("bot");

    private HttpRequestMessage Post(string path, string? bearer, JsonObject? body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, path))
        {
            Content = body is null ? null : JsonContent.Create(body),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return request;
    }

    private sealed class Conversation(string id, string token, string userId, ClientWebSocket socket)
    {
        public string Id { get; } = id;

        public string Token { get; } = token;

        public string UserId { get; } = userId;

        public ClientWebSocket Socket { get; } = socket;

        public Task? Receiving { get; set; }

        // Only the socket's own receive loop writes it.
        public bool Greeted { get; set; }
    }
}
