using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace ConversationHub.Host.Tests.Mail;

/// <summary>
/// A receiving MTA on 127.0.0.1 (the SmtpServer package) that keeps what it accepts. A test can make it refuse the
/// next messages with 451, or stall before answering a message's DATA until released (then it answers 451: the client
/// is gone, nothing was committed, as a careful MTA does).
/// </summary>
public sealed class TestMta : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private int _refuse;

    private TestMta(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder().ServerName("test-mta")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>Every message accepted (answered 250), in order, with the time it was accepted.</summary>
    public ConcurrentQueue<(MimeMessage Message, DateTime AtUtc)> Accepted { get; } = new();

    /// <summary>Every DATA seen (accepted or not), with its time.</summary>
    public ConcurrentQueue<(string? MessageId, DateTime AtUtc)> Attempts { get; } = new();

    /// <summary>When set, the next DATA waits here (the test sees <see cref="Stalled"/>) and is then refused with 451.</summary>
    public TaskCompletionSource? StallNext { get; set; }

    /// <summary>Completes when a DATA stalls.</summary>
    public TaskCompletionSource Stalled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static TestMta Start() => new(FreePort());

    /// <summary>Refuses the next <paramref name="count"/> messages with 451.</summary>
    public void RefuseNext(int count) => Interlocked.Exchange(ref _refuse, count);

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task<SmtpResponse> SaveAsync(ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(buffer.ToArray());
        var message = await MimeMessage.LoadAsync(stream, cancellationToken);
        Attempts.Enqueue((message.MessageId, DateTime.UtcNow));
        if (StallNext is { } stall)
        {
            StallNext = null;
            Stalled.TrySetResult();
            await stall.Task.WaitAsync(cancellationToken);
            return new SmtpResponse(SmtpReplyCode.Aborted, "client went away");
        }

        if (Interlocked.Decrement(ref _refuse) >= 0)
        {
            return new SmtpResponse(SmtpReplyCode.Aborted, "try again later");
        }

        Accepted.Enqueue((message, DateTime.UtcNow));
        return SmtpResponse.Ok;
    }

    private sealed class Store(TestMta mta) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken) =>
            mta.SaveAsync(buffer, cancellationToken);
    }
}
