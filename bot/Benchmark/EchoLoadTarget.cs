using System.Globalization;
using System.Net.WebSockets;
using System.Text;

namespace ConversationHub.Bot.Benchmark;

/// <summary>
/// Sockets on the echo ceiling (<see cref="LoadEchoServer"/>): each question goes out as one text frame
/// <c>"&lt;id&gt;\n&lt;text&gt;"</c> and is answered when its echo comes back.
/// </summary>
internal sealed class EchoLoadTarget(Uri baseAddress, LoadMeasurements measurements) : ILoadTarget
{
    private readonly Dictionary<int, (ClientWebSocket Socket, SemaphoreSlim Sending, Task Receiving)> _sockets = [];
    private readonly CancellationTokenSource _stopped = new();
    private long _nextId;

    public async Task<bool> OpenAsync(int index, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        var uri = new UriBuilder(new Uri(baseAddress, LoadEchoServer.SocketPath)) { Scheme = "ws" }.Uri;
        await socket.ConnectAsync(uri, cancellationToken);
        var receiving = SocketFrames.ReadAllAsync(socket, OnFrame, _stopped.Token);
        lock (_sockets)
        {
            _sockets[index] = (socket, new SemaphoreSlim(1), receiving);
        }

        return true;
    }

    public Task WaitIdleAsync(TimeSpan within, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task SendAsync(int index, string text, long scheduled, CancellationToken cancellationToken)
    {
        (ClientWebSocket Socket, SemaphoreSlim Sending, Task _) target;
        lock (_sockets)
        {
            target = _sockets[index];
        }

        var id = Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        measurements.Sent(id, scheduled);

        // A client socket takes one send at a time.
        await target.Sending.WaitAsync(cancellationToken);
        try
        {
            await target.Socket.SendAsync(Encoding.UTF8.GetBytes(id + "\n" + text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        catch (WebSocketException)
        {
            measurements.Error();
        }
        finally
        {
            target.Sending.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopped.CancelAsync();
        List<(ClientWebSocket Socket, SemaphoreSlim Sending, Task Receiving)> all;
        lock (_sockets)
        {
            all = [.. _sockets.Values];
        }

        await SocketFrames.CloseAllAsync(all.Select(s => (WebSocket)s.Socket));
        await Task.WhenAll(all.Select(s => s.Receiving));
        foreach (var (_, sending, _) in all)
        {
            sending.Dispose();
        }

        _stopped.Dispose();
    }

    private void OnFrame(ReadOnlyMemory<byte> frame)
    {
        var arrived = System.Diagnostics.Stopwatch.GetTimestamp();
        measurements.Received(1);
        var newline = frame.Span.IndexOf((byte)'\n');
        if (newline > 0)
        {
            measurements.Arrived(Encoding.UTF8.GetString(frame.Span[..newline]), arrived);
        }
    }
}
