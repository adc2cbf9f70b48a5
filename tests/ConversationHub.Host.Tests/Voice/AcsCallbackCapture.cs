using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace ConversationHub.Host.Tests.Voice;

/// <summary>A tiny HTTP receiver on loopback that records every POST (path, Authorization, JSON body) and answers 200.</summary>
public sealed class AcsCallbackCapture : IDisposable
{
    private readonly HttpListener _listener = new();

    public AcsCallbackCapture()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _ = LoopAsync();
    }

    public string BaseUrl { get; }

    public ConcurrentQueue<(string Path, string? Authorization, JsonNode Body)> Received { get; } = new();

    public IEnumerable<JsonObject> CloudEvents => Received.Where(r => r.Path == "/callbacks").SelectMany(r => r.Body.AsArray().OfType<JsonObject>());

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            Received.Enqueue((context.Request.Url!.AbsolutePath, context.Request.Headers["Authorization"], JsonNode.Parse(body)!));
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}
