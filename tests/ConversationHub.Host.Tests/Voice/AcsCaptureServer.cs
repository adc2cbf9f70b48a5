using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConversationHub.Host.Tests.Voice;

/// <summary>A stand-in ACS on 127.0.0.1 that records each request and answers with the status and body the test chooses.</summary>
internal sealed class AcsCaptureServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AcsCaptureServer(WebApplication app) => _app = app;

    public ConcurrentQueue<CapturedRequest> Requests { get; } = new();

    /// <summary>Answers for the next requests, in order; after them every request gets 202 with an empty JSON object.</summary>
    public ConcurrentQueue<(int Status, string Body)> Answers { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<AcsCaptureServer> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new AcsCaptureServer(app);
        app.Run(async context =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            server.Requests.Enqueue(new CapturedRequest(
                context.Request.Method,
                context.Request.Path + context.Request.QueryString,
                context.Request.Host.Value ?? string.Empty,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                buffer.ToArray()));
            var (status, body) = server.Answers.TryDequeue(out var answer) ? answer : (202, "{}");
            context.Response.StatusCode = status;
            if (body.Length > 0)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(body, context.RequestAborted);
            }
        });
        await app.StartAsync(cancellationToken);
        server.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

internal sealed record CapturedRequest(string Method, string PathAndQuery, string Host, IReadOnlyDictionary<string, string> Headers, byte[] Body);
