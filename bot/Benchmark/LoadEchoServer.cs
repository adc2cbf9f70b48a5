using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ConversationHub.Bot.Benchmark;

/// <summary>
/// The ceiling of <c>bot load</c>: a plain Kestrel app with one WebSocket endpoint that sends every text frame back,
/// and the same memory endpoint as the platform. Not part of the product: the command starts it as
/// <c>bot load-echo</c> in a child process of its own.
/// </summary>
internal static class LoadEchoServer
{
    public const string SocketPath = "/echo";
    public const string ReadyPath = "/ready";

    // The same receive buffer as a Direct Line stream's, so the ceiling's per-socket memory is comparable.
    private const int BufferBytes = 4096;

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args });
        builder.Logging.ClearProviders();
        builder.Services.AddOptions<LoadDiagnosticsOptions>().BindConfiguration(LoadDiagnosticsOptions.SectionName);
        builder.Services.AddHostedService<StopWithLoadRunService>();
        await using var app = builder.Build();
        app.UseWebSockets();
        app.MapGet(ReadyPath, () => "ready");
        app.MapLoadDiagnosticsApi();
        app.Map(SocketPath, EchoAsync);
        await app.StartAsync(cancellationToken);
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }

    private static async Task EchoAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[BufferBytes];
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, context.RequestAborted);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, context.RequestAborted);
                    return;
                }

                await socket.SendAsync(buffer.AsMemory(0, received.Count), received.MessageType, received.EndOfMessage, context.RequestAborted);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The client went away.
        }
    }
}
