using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace ConversationHub.Host.HandoffLoad;

/// <summary>
/// One simulated agent on the real SignalR hub: signs in through the sign-in form, takes 受付可, accepts every offer at
/// once, sends its marked messages, reads the citizen's from the pushes, and closes the chat when both sides are done.
/// </summary>
internal sealed class LoadAgent : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly HttpClient _http;
    private readonly HandoffLoadMeasurements _measurements;
    private readonly int _messages;
    private readonly ConcurrentDictionary<Guid, Chat> _chats = new();
    private readonly ConcurrentDictionary<Guid, byte> _offers = new();
    private readonly CancellationToken _stopping;

    private LoadAgent(HubConnection connection, HttpClient http, HandoffLoadMeasurements measurements, int messages, CancellationToken stopping)
    {
        _connection = connection;
        _http = http;
        _measurements = measurements;
        _messages = messages;
        _stopping = stopping;
        // Handlers of one connection run one after another: the chat's work goes on beside them.
        connection.On<Guid, DateTime>("offered", (id, expires) => { _ = OnOfferedAsync(id); });
        connection.On<Guid, long, JsonElement>("activity", (id, sequence, line) => { _ = OnActivityAsync(id, sequence, line); });
    }

    public static async Task<LoadAgent> ConnectAsync(Uri node, string userName, string password, HandoffLoadMeasurements measurements, int messages, CancellationToken cancellationToken)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = node, Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            await ConsoleFormSignIn.SignInAsync(http, userName, password, cancellationToken);
        }
        catch
        {
            http.Dispose();
            throw;
        }

        var connection = new HubConnectionBuilder().WithUrl(new Uri(node, "/hubs/agents"), o => o.Cookies = cookies).Build();
        var agent = new LoadAgent(connection, http, measurements, messages, cancellationToken);
        await connection.StartAsync(cancellationToken);
        var available = await connection.InvokeAsync<JsonElement>("SetStatus", "Available", null, cancellationToken);
        if (!available.GetProperty("ok").GetBoolean())
        {
            throw new InvalidOperationException($"{userName} could not take 受付可: {available.GetProperty("message")}");
        }

        return agent;
    }

    private async Task OnOfferedAsync(Guid conversationId)
    {
        // The same offer can arrive twice (pushed, then again from the router's next pass before the accept landed); the
        // server's accept is idempotent for its own agent, so only the first one is worked here.
        if (!_offers.TryAdd(conversationId, 0))
        {
            return;
        }

        var id = conversationId.ToString();
        _measurements.Offered(id);
        try
        {
            var result = await _connection.InvokeAsync<JsonElement>("Accept", conversationId, _stopping);
            if (!result.GetProperty("ok").GetBoolean())
            {
                _measurements.Refused();
                return;
            }

            _measurements.Granted(id);
            var chat = _chats.GetOrAdd(conversationId, _ => new Chat());
            var view = await _connection.InvokeAsync<JsonElement>("OpenChat", conversationId, _stopping);
            // What the citizen wrote between the accept and the view is in the view, not in a push.
            await chat.Reading.WaitAsync(_stopping);
            try
            {
                Take(chat, view.GetProperty("transcript"));
            }
            finally
            {
                chat.Reading.Release();
            }

            for (var i = 0; i < _messages; i++)
            {
                var marker = $"a:{id}:{i}";
                _measurements.SentToCitizen(marker);
                var sent = await _connection.InvokeAsync<JsonElement>("Send", conversationId, marker, Guid.NewGuid().ToString("N"), _stopping);
                if (!sent.GetProperty("ok").GetBoolean())
                {
                    _measurements.Error();
                }

                await Task.Delay(300, _stopping);
            }

            // Close once the citizen's messages are in (or after a while: lost ones are counted, not waited for).
            var until = DateTime.UtcNow.AddSeconds(30);
            while (Volatile.Read(ref chat.Received) < _messages && DateTime.UtcNow < until)
            {
                await Task.Delay(200, _stopping);
            }

            var closed = await _connection.InvokeAsync<JsonElement>("Close", conversationId, "resolved", _stopping);
            if (closed.GetProperty("ok").GetBoolean())
            {
                _measurements.Closed(id);
            }
            else
            {
                _measurements.Error();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _measurements.Error();
        }
    }

    // A push names the conversation; the agent reads what is new after its watermark, as the console does.
    private async Task OnActivityAsync(Guid conversationId, long sequence, JsonElement line)
    {
        if (!_chats.TryGetValue(conversationId, out var chat))
        {
            return;
        }

        await chat.Reading.WaitAsync(_stopping);
        try
        {
            // The pushed line is the next one: no read needed. Otherwise read from the watermark.
            if (sequence == chat.Watermark + 1 && line.ValueKind == JsonValueKind.Object)
            {
                Take(chat, JsonSerializer.SerializeToElement(new[] { line }));
                return;
            }

            Take(chat, await _connection.InvokeAsync<JsonElement>("ReadTranscript", conversationId, chat.Watermark, _stopping));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _measurements.Error();
        }
        finally
        {
            chat.Reading.Release();
        }
    }

    // Lines after the chat's watermark: the citizen's marked messages have arrived.
    private void Take(Chat chat, JsonElement lines)
    {
        foreach (var line in lines.EnumerateArray())
        {
            var sequence = line.GetProperty("sequence").GetInt64();
            if (sequence <= chat.Watermark)
            {
                continue;
            }

            chat.Watermark = sequence;
            if (line.GetProperty("role").GetString() == "user" && line.GetProperty("text").GetString() is { } text && text.StartsWith("c:", StringComparison.Ordinal))
            {
                _measurements.ArrivedAtAgent(text);
                Interlocked.Increment(ref chat.Received);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        _http.Dispose();
        foreach (var chat in _chats.Values)
        {
            chat.Reading.Dispose();
        }
    }

    private sealed class Chat
    {
        public SemaphoreSlim Reading { get; } = new(1, 1);

        public long Watermark;

        public int Received;
    }
}
