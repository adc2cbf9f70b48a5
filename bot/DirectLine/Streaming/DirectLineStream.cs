using System.Net.WebSockets;
using System.Text.Json;
using ConversationHub.Bot.DirectLine.Activities;
using ConversationHub.Bot.DirectLine.Wire;
using ConversationHub.Core.Conversations.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ConversationHub.Bot.DirectLine.Streaming;

/// <summary>
/// One open <c>streamUrl</c> socket: replays the transcript after the watermark, then sends each new activity as a
/// frame <c>{"activities":[…],"watermark":"n"}</c>, and an empty <c>activities</c> frame when idle (the client parses
/// every frame and needs the array). The client's empty-string pings are read and ignored. A newer socket on the
/// same conversation (on any node) closes this one with 1008 and the reason <c>collision</c>, as Direct Line does.
/// </summary>
internal sealed class DirectLineStream(
    DirectLineStreamRouter router,
    IServiceScopeFactory scopes,
    OutboundActivityWriter writer,
    IOptionsMonitor<DirectLineOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time)
{
    private const int PageSize = 100;
    public const string CollisionReason = "collision";

    public async Task RunAsync(WebSocket socket, Guid conversationId, long watermark, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(socket);
        // Sockets live for minutes: end them when the host stops, or shutdown would wait for every one.
        using var signal = new StreamSignal();
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);

        // The sending loop also stops when superseded; the receive loop does not, so the client's answer to our close
        // frame is read (cancelling a pending receive would abort the socket instead of closing it).
        using var sending = CancellationTokenSource.CreateLinkedTokenSource(closed.Token, signal.Superseded);

        // Register before the first read, so an activity added during the replay still wakes this stream.
        using var registration = router.Register(conversationId, signal);
        await router.AnnounceAsync(conversationId, signal, cancellationToken);
        var receiving = ReceiveUntilClosedAsync(socket, closed);
        try
        {
            var wake = true;
            while (!sending.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                if (wake)
                {
                    watermark = await SendNewAsync(socket, conversationId, watermark, request, sending.Token);
                }
                else
                {
                    await SendAsync(socket, new ActivitySet([], watermark.ToString(System.Globalization.CultureInfo.InvariantCulture)), sending.Token);
                }

                wake = await signal.WaitAsync(options.CurrentValue.KeepAliveInterval, time, sending.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The client went away, the host stops, or a newer stream took over; the client reconnects with its watermark.
        }
        finally
        {
            await CloseAsync(socket, signal.Superseded.IsCancellationRequested);
            await Task.WhenAny(receiving, Task.Delay(TimeSpan.FromSeconds(2), time, CancellationToken.None));
            await closed.CancelAsync();
            await receiving;
        }
    }

    private async Task<long> SendNewAsync(WebSocket socket, Guid conversationId, long watermark, HttpRequest request, CancellationToken cancellationToken)
    {
        while (true)
        {
            IReadOnlyList<Core.Conversations.Domain.TranscriptActivity> page;
            await using (var scope = scopes.CreateAsyncScope())
            {
                page = await scope.ServiceProvider.GetRequiredService<IConversationStore>().ReadAsync(conversationId, watermark, PageSize, cancellationToken);
            }

            if (page.Count == 0)
            {
                return watermark;
            }

            watermark = page[^1].Sequence;
            var frame = new ActivitySet([.. page.Select(a => writer.ToWire(a, request))], watermark.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await SendAsync(socket, frame, cancellationToken);
            if (page.Count < PageSize)
            {
                return watermark;
            }
        }
    }

    private static Task SendAsync(WebSocket socket, ActivitySet frame, CancellationToken cancellationToken) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(frame), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    // Reads (and drops) whatever the client sends: empty pings, anything else. Ends the stream when the client closes.
    private static async Task ReceiveUntilClosedAsync(WebSocket socket, CancellationTokenSource closed)
    {
        var buffer = new byte[4096];
        try
        {
            while (!closed.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, closed.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Closed or aborted.
        }
        finally
        {
            await closed.CancelAsync();
        }
    }

    private static async Task CloseAsync(WebSocket socket, bool collision)
    {
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await (collision
                    ? socket.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, CollisionReason, timeout.Token)
                    : socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Already gone.
        }
    }
}
