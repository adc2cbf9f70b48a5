using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConversationHub.Host.Tests.Line;

/// <summary>One call the platform made to the stub: path, retry key, body and the status the stub answered.</summary>
public sealed record LineStubCall(string Path, string? RetryKey, string Body, int Status)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>
/// A stand-in for api.line.me and api-data.line.me on 127.0.0.1 (Kestrel), serving at the root as LINE does. It
/// records every call, answers 409 to a reused retry key like LINE, and can be told to fail the next pushes to a
/// user or to refuse a reply token.
/// </summary>
public sealed class LineStubApi : IAsyncDisposable
{
    public static readonly byte[] ImageBytes = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 0xFF, 0xD9];

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _pushFailures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _refusedTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _acceptedKeys = new(StringComparer.Ordinal);

    private LineStubApi(WebApplication app) => _app = app;

    public ConcurrentQueue<LineStubCall> Calls { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public static async Task<LineStubApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new LineStubApi(app);
        app.MapPost("/v2/bot/message/reply", stub.ReplyAsync);
        app.MapPost("/v2/bot/message/push", stub.PushAsync);
        app.MapPost("/v2/bot/chat/loading/start", (HttpRequest request) => stub.RecordAsync(request, StatusCodes.Status202Accepted, "{}"));
        app.MapGet("/v2/bot/message/{id}/content", () => Results.Bytes(ImageBytes, "image/jpeg"));
        await app.StartAsync();
        stub.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return stub;
    }

    /// <summary>The next pushes to <paramref name="userId"/> answer these statuses, in order, before succeeding.</summary>
    public void FailNextPushes(string userId, params int[] statuses)
    {
        var queue = _pushFailures.GetOrAdd(userId, _ => new());
        foreach (var status in statuses)
        {
            queue.Enqueue(status);
        }
    }

    /// <summary>Replies with <paramref name="token"/> get 400 Invalid reply token.</summary>
    public void RefuseReplyToken(string token) => _refusedTokens[token] = 0;

    public IEnumerable<LineStubCall> Replies(string token) =>
        Calls.Where(c => c.Path.EndsWith("/reply", StringComparison.Ordinal) && c.Json.GetProperty("replyToken").GetString() == token);

    public IEnumerable<LineStubCall> Pushes(string userId) =>
        Calls.Where(c => c.Path.EndsWith("/push", StringComparison.Ordinal) && c.Json.GetProperty("to").GetString() == userId);

    public IEnumerable<LineStubCall> Loadings(string userId) =>
        Calls.Where(c => c.Path.EndsWith("/start", StringComparison.Ordinal) && c.Json.GetProperty("chatId").GetString() == userId);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> ReplyAsync(HttpRequest request)
    {
        var body = await ReadAsync(request);
        var token = JsonDocument.Parse(body).RootElement.GetProperty("replyToken").GetString()!;
        return _refusedTokens.ContainsKey(token)
            ? Record(request.Path, null, body, 400, """{"message":"Invalid reply token"}""")
            : Record(request.Path, null, body, 200, """{"sentMessages":[{"id":"1","quoteToken":"q"}]}""");
    }

    private async Task<IResult> PushAsync(HttpRequest request)
    {
        var body = await ReadAsync(request);
        var key = request.Headers["X-Line-Retry-Key"].ToString();
        var to = JsonDocument.Parse(body).RootElement.GetProperty("to").GetString()!;
        if (key.Length > 0 && _acceptedKeys.ContainsKey(key))
        {
            return Record(request.Path, key, body, 409, """{"message":"The retry key is already accepted"}""");
        }

        if (_pushFailures.TryGetValue(to, out var failures) && failures.TryDequeue(out var status))
        {
            return Record(request.Path, key, body, status, """{"message":"stub failure"}""");
        }

        _acceptedKeys[key] = 0;
        return Record(request.Path, key, body, 200, """{"sentMessages":[{"id":"2","quoteToken":"q"}]}""");
    }

    private async Task<IResult> RecordAsync(HttpRequest request, int status, string response) =>
        Record(request.Path, null, await ReadAsync(request), status, response);

    private IResult Record(string path, string? key, string body, int status, string response)
    {
        Calls.Enqueue(new LineStubCall(path, string.IsNullOrEmpty(key) ? null : key, body, status));
        return Results.Content(response, "application/json", statusCode: status);
    }

    private static async Task<string> ReadAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync();
    }
}
