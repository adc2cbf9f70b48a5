using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace ConversationHub.Host.Tests.DirectLine;

/// <summary>A bare Direct Line client over real HTTP and WebSocket, as the tests need it.</summary>
internal sealed class DirectLineTestClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    public string ConversationId { get; set; } = "";

    public string Token { get; set; } = "";

    public string StreamUrl { get; private set; } = "";

    public static string UserOf(string token) =>
        JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(token.Split('.')[1])).RootElement.GetProperty("user").GetString()!;

    public async Task<JsonElement> GenerateAsync(CancellationToken ct)
    {
        using var response = await Http.PostAsync(new Uri("/v3/directline/tokens/generate", UriKind.Relative), null, ct);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        ConversationId = body.GetProperty("conversationId").GetString()!;
        Token = body.GetProperty("token").GetString()!;
        return body;
    }

    public async Task<JsonElement> StartAsync(CancellationToken ct)
    {
        if (Token.Length == 0)
        {
            await GenerateAsync(ct);
        }

        using var response = await SendAsync(HttpMethod.Post, "/v3/directline/conversations", Token, JsonContent.Create(new { user = new { } }), ct);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        Token = body.GetProperty("token").GetString()!;
        StreamUrl = body.GetProperty("streamUrl").GetString()!;
        return body;
    }

    public Task<HttpResponseMessage> PostActivityAsync(object activity, CancellationToken ct, string? token = null, string? conversationId = null) =>
        SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId ?? ConversationId}/activities", token ?? Token, JsonContent.Create(activity), ct);

    public async Task<string> SayAsync(string text, string clientActivityId, CancellationToken ct)
    {
        using var response = await PostActivityAsync(Message(text, clientActivityId), ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString()!;
    }

    public static object Message(string text, string clientActivityId) => new
    {
        type = "message",
        text,
        locale = "ja-JP",
        from = new { id = "someone-else", name = "", role = "user" },
        channelData = new { clientActivityID = clientActivityId },
    };

    public async Task<(List<JsonElement> Activities, string Watermark)> GetActivitiesAsync(string watermark, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{ConversationId}/activities?watermark={watermark}", Token, null, ct);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return ([.. body.GetProperty("activities").EnumerateArray()], body.GetProperty("watermark").GetString()!);
    }

    /// <summary>Polls from the start until <paramref name="done"/> holds for the transcript, which it returns.</summary>
    public async Task<(List<JsonElement> Activities, string Watermark)> PollUntilAsync(Func<List<JsonElement>, bool> done, CancellationToken ct)
    {
        while (true)
        {
            var page = await GetActivitiesAsync("", ct);
            if (done(page.Activities))
            {
                return page;
            }

            await Task.Delay(100, ct);
        }
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, HttpContent? content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Http.SendAsync(request, ct);
    }

    public static bool IsBotMessage(JsonElement activity) =>
        activity.GetProperty("type").GetString() == "message" && activity.GetProperty("from").GetProperty("role").GetString() == "bot";

    public static string TextOf(JsonElement activity) => activity.TryGetProperty("text", out var text) ? text.GetString() ?? "" : "";

    public void Dispose() => Http.Dispose();

    /// <summary>An open stream socket whose frames are collected as they arrive.</summary>
    internal sealed class Stream : IAsyncDisposable
    {
        private readonly ClientWebSocket _socket = new();
        private readonly Channel<JsonElement> _frames = Channel.CreateUnbounded<JsonElement>();
        private Task _receiving = Task.CompletedTask;

        public static async Task<Stream> ConnectAsync(string streamUrl, CancellationToken ct)
        {
            var stream = new Stream();
            await stream._socket.ConnectAsync(new Uri(streamUrl), ct);
            stream._receiving = stream.ReceiveAsync(ct);
            return stream;
        }

        /// <summary>Waits until the server closes the socket; its close status and reason.</summary>
        public async Task<(WebSocketCloseStatus? Status, string? Reason)> WaitForCloseAsync(CancellationToken ct)
        {
            await _receiving.WaitAsync(ct);
            return (_socket.CloseStatus, _socket.CloseStatusDescription);
        }

        public Task PingAsync(CancellationToken ct) => _socket.SendAsync(Array.Empty<byte>(), WebSocketMessageType.Text, true, ct);

        /// <summary>Collects activities from frames until <paramref name="done"/> holds for what was collected.</summary>
        public async Task<List<JsonElement>> ReceiveUntilAsync(Func<List<JsonElement>, bool> done, CancellationToken ct, List<JsonElement>? collected = null)
        {
            collected ??= [];
            while (!done(collected))
            {
                var frame = await _frames.Reader.ReadAsync(ct);
                collected.AddRange(frame.GetProperty("activities").EnumerateArray());
            }

            return collected;
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
            }

            await _receiving.ContinueWith(_ => { }, TaskScheduler.Default);
            _socket.Dispose();
        }

        private async Task ReceiveAsync(CancellationToken ct)
        {
            var buffer = new byte[64 * 1024];
            using var message = new MemoryStream();
            while (_socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, ct);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    var text = Encoding.UTF8.GetString(message.ToArray());
                    message.SetLength(0);
                    _frames.Writer.TryWrite(JsonDocument.Parse(text).RootElement.Clone());
                }
            }
        }
    }
}
