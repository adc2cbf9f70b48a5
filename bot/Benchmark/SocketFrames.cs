using System.Buffers;
using System.Net.WebSockets;

namespace ConversationHub.Bot.Benchmark;

/// <summary>Reads whole text frames from a client socket until it closes, for the load targets.</summary>
internal static class SocketFrames
{
    public static async Task ReadAllAsync(WebSocket socket, Action<ReadOnlyMemory<byte>> onFrame, CancellationToken cancellationToken)
    {
        var frame = new ArrayBufferWriter<byte>(4096);
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(frame.GetMemory(4096), cancellationToken);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                frame.Advance(received.Count);
                if (received.EndOfMessage)
                {
                    onFrame(frame.WrittenMemory);
                    frame.ResetWrittenCount();
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The run ended or the server went away.
        }
    }

    public static async Task CloseAllAsync(IEnumerable<WebSocket> sockets)
    {
        await Parallel.ForEachAsync(sockets, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (socket, _) =>
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                if (socket.State == WebSocketState.Open)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
            {
                // Already gone.
            }
            finally
            {
                socket.Dispose();
            }
        });
    }
}
