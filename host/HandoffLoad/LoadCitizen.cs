using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConversationHub.Bot.Benchmark;

namespace ConversationHub.Host.HandoffLoad;

/// <summary>
/// One simulated citizen on Direct Line 3.0 with its <c>streamUrl</c> socket: asks for an operator, and once an agent
/// has joined (<c>handoff.status</c> accepted) sends its marked messages; the agent's arrive on the socket.
/// </summary>
internal sealed class LoadCitizen : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly HandoffLoadMeasurements _measurements;
    private readonly int _messages;
    private readonly CancellationTokenSource _stopped = new();
    private ClientWebSocket? _socket;
    private Task? _receiving;
    private string _token = "";
    private int _accepted;

    private LoadCitizen(HttpClient http, HandoffLoadMeasurements measurements, int messages)
    {
        _http = http;
        _measurements = measurements;
        _messages = messages;
    }

    public string ConversationId { get; private set; } = "";

    public Uri Node { get; private set; } = null!;

    public static async Task<LoadCitizen> OpenAsync(Uri node, string secret, int index, HttpClient http, HandoffLoadMeasurements measurements, int messages, CancellationToken cancellationToken)
    {
        var citizen = new LoadCitizen(http, measurements, messages) { Node = node };
        using var generated = await http.SendAsync(Post(node, "/v3/directline/tokens/generate", secret, new JsonObject { ["user"] = new JsonObject { ["id"] = $"handoff-load-{index:D5}" } }), cancellationToken);
        generated.EnsureSuccessStatusCode();
        var token = (await generated.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!["token"]!.GetValue<string>();
        using var started = await http.SendAsync(Post(node, "/v3/directline/conversations", token, null), cancellationToken);
        started.EnsureSuccessStatusCode();
        var conversation = (await started.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!;
        citizen.ConversationId = conversation["conversationId"]!.GetValue<string>();
        citizen._token = conversation["token"]!.GetValue<string>();
        citizen._socket = new ClientWebSocket();
        await citizen._socket.ConnectAsync(new Uri(conversation["streamUrl"]!.GetValue<string>()), cancellationToken);
        citizen._receiving = SocketFrames.ReadAllAsync(citizen._socket, citizen.OnFrame, citizen._stopped.Token);
        return citizen;
    }

    public async Task AskForOperatorAsync(CancellationToken cancellationToken)
    {
        _measurements.Asked(ConversationId);
        await SayAsync("オペレーターと話す", cancellationToken);
    }

    private void OnFrame(ReadOnlyMemory<byte> frame)
    {
        if (frame.IsEmpty)
        {
            return;
        }

        using var document = JsonDocument.Parse(frame);
        if (!document.RootElement.TryGetProperty("activities", out var activities))
        {
            return;
        }

        foreach (var activity in activities.EnumerateArray())
        {
            var type = activity.GetProperty("type").GetString();
            if (type == "message" && activity.TryGetProperty("text", out var text) && text.GetString() is { } said && said.StartsWith("a:", StringComparison.Ordinal))
            {
                _measurements.ArrivedAtCitizen(said);
            }
            else if (type == "event" && activity.TryGetProperty("name", out var name) && name.GetString() == "handoff.status"
                && activity.GetProperty("value").GetProperty("state").GetString() == "accepted" && Interlocked.Exchange(ref _accepted, 1) == 0)
            {
                _ = SendMessagesAsync();
            }
        }
    }

    private async Task SendMessagesAsync()
    {
        try
        {
            for (var i = 0; i < _messages; i++)
            {
                var marker = $"c:{ConversationId}:{i}";
                _measurements.SentToAgent(marker);
                await SayAsync(marker, _stopped.Token);
                await Task.Delay(300, _stopped.Token);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            _measurements.Error();
        }
    }

    private async Task SayAsync(string text, CancellationToken cancellationToken)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["text"] = text,
            ["locale"] = "ja-JP",
            ["channelData"] = new JsonObject { ["clientActivityID"] = Guid.NewGuid().ToString("N") },
        };
        using var response = await _http.SendAsync(Post(Node, $"/v3/directline/conversations/{ConversationId}/activities", _token, activity), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            _measurements.Error();
        }
    }

    private static HttpRequestMessage Post(Uri node, string path, string? bearer, JsonObject? body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(node, path)) { Content = body is null ? null : JsonContent.Create(body) };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return request;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopped.CancelAsync();
        if (_socket is not null)
        {
            await SocketFrames.CloseAllAsync([_socket]);
        }

        if (_receiving is not null)
        {
            await _receiving;
        }

        _stopped.Dispose();
    }
}
