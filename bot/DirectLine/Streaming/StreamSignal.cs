using System.Threading.Channels;

namespace ConversationHub.Bot.DirectLine.Streaming;

/// <summary>
/// "Something new may be in the transcript" for one open stream. Wake-ups coalesce: the stream reads everything
/// after its watermark, so one pending wake-up covers any number of new activities. A stream is superseded when a
/// newer socket opens on its conversation (Direct Line keeps one stream per conversation).
/// </summary>
internal sealed class StreamSignal : IDisposable
{
    private readonly Channel<bool> _wakeUps = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _superseded = new();

    /// <summary>This stream, as named in the <c>directline.stream_opened</c> event.</summary>
    public Guid Id { get; } = Guid.NewGuid();

    /// <summary>Cancelled when a newer stream of the conversation opened, on any node.</summary>
    public CancellationToken Superseded => _superseded.Token;

    public void Wake() => _wakeUps.Writer.TryWrite(true);

    public void Supersede()
    {
        try
        {
            _superseded.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The stream ended meanwhile.
        }
    }

    /// <summary>Waits for a wake-up; false when <paramref name="timeout"/> passed first.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        if (_wakeUps.Reader.TryRead(out _))
        {
            return true;
        }

        using var timer = new CancellationTokenSource(timeout, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            await _wakeUps.Reader.ReadAsync(either.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public void Dispose() => _superseded.Dispose();
}
