namespace ConversationHub.Bot.Line.Infrastructure;

/// <summary>Wakes a background sweep early (new work on this node); the sweep also runs on its poll interval.</summary>
internal abstract class WorkSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up covers all work queued so far.
        }
    }

    public void Dispose() => _signal.Dispose();

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}

/// <summary>New webhook events are in the inbox.</summary>
internal sealed class LineInboxSignal : WorkSignal;

/// <summary>New outbound activities wait for delivery.</summary>
internal sealed class LineDeliverySignal : WorkSignal;
