using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConversationHub.Bot.Benchmark;

/// <summary>
/// The LINE Messaging API as <c>bot load --channel line</c> needs it: a plain Kestrel app on 127.0.0.1, hosted in the
/// load process itself (the platform's <c>Line:ApiBaseUrl</c> points here), that accepts reply, push and loading calls
/// as LINE does and tells the load target when each reply or push arrived, stamped before its body is read.
/// </summary>
internal sealed class LineLoadStub : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LineLoadStub(WebApplication app) => _app = app;

    /// <summary>Where the stub listens (set once it has started).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>A reply call arrived: its reply token, how many messages it carried, when (a Stopwatch timestamp).</summary>
    public Action<string, int, long>? Replied { get; set; }

    /// <summary>A push call arrived: the user it was for, how many messages it carried, when.</summary>
    public Action<string, int, long>? Pushed { get; set; }

    public static async Task<LineLoadStub> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        // Loopback only: the load never leaves this machine.
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var stub = new LineLoadStub(builder.Build());
        stub._app.MapPost("/v2/bot/message/reply", stub.ReplyAsync);
        stub._app.MapPost("/v2/bot/message/push", stub.PushAsync);
        stub._app.MapPost("/v2/bot/chat/loading/start", () => Results.Content("{}", "application/json", statusCode: StatusCodes.Status202Accepted));
        await stub._app.StartAsync(cancellationToken);
        stub.BaseAddress = new Uri(stub._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> ReplyAsync(HttpRequest request)
    {
        var at = Stopwatch.GetTimestamp();
        using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        Replied?.Invoke(body.RootElement.GetProperty("replyToken").GetString() ?? "", MessageCount(body.RootElement), at);
        return Results.Content("""{"sentMessages":[{"id":"1","quoteToken":"q"}]}""", "application/json");
    }

    private async Task<IResult> PushAsync(HttpRequest request)
    {
        var at = Stopwatch.GetTimestamp();
        using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        Pushed?.Invoke(body.RootElement.GetProperty("to").GetString() ?? "", MessageCount(body.RootElement), at);
        return Results.Content("""{"sentMessages":[{"id":"2","quoteToken":"q"}]}""", "application/json");
    }

    private static int MessageCount(JsonElement request) =>
        request.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array ? messages.GetArrayLength() : 0;
}
