using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ConversationHub.Host.VoiceLoad;

/// <summary>
/// The HTTP load balancer in front of two <c>voice load</c> nodes, as in production (ARCHITECTURE.md, scale-out): ACS's
/// callbacks go to its address and are passed on to the nodes in turn, so consecutive events of one call usually reach
/// different nodes. Only what the callbacks need: POST with its body, content type and Authorization; the nodes' answer
/// status back.
/// </summary>
internal sealed class VoiceLoadBalancer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };
    private Uri[] _nodes = [];
    private int[] _forwarded = [];
    private int _next;

    private VoiceLoadBalancer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<VoiceLoadBalancer> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var balancer = new VoiceLoadBalancer(app);
        app.MapPost("/{**path}", (Delegate)balancer.ForwardAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        balancer.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return balancer;
    }

    /// <summary>The nodes to pass requests on to, in turn.</summary>
    public void Route(params Uri[] nodes)
    {
        _forwarded = new int[nodes.Length];
        _nodes = nodes;
    }

    /// <summary>How many requests each node was given, in the order of <see cref="Route"/>.</summary>
    public IReadOnlyList<int> Forwarded => [.. _forwarded];

    private async Task<IResult> ForwardAsync(HttpContext context)
    {
        var nodes = _nodes;
        if (nodes.Length == 0)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        var index = (int)((uint)Interlocked.Increment(ref _next) % nodes.Length);
        var node = nodes[index];
        Interlocked.Increment(ref _forwarded[index]);
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(node, context.Request.Path.Value!.TrimStart('/') + context.Request.QueryString))
        {
            Content = new ByteArrayContent(body.ToArray()),
        };
        if (context.Request.ContentType is { } contentType)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        foreach (var header in (string[])["Authorization", "aeg-event-type"])
        {
            if (context.Request.Headers.TryGetValue(header, out var value))
            {
                request.Headers.TryAddWithoutValidation(header, (IEnumerable<string?>)value);
            }
        }

        using var response = await _http.SendAsync(request, context.RequestAborted);
        return Results.StatusCode((int)response.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
