namespace ConversationHub.Core.Events;

/// <summary>
/// Wakes a background worker before its next poll: the worker waits on <see cref="WaitAsync"/> with its poll interval
/// as the timeout, and code that queues work on this node calls <see cref="Wake"/>. Wake-ups coalesce: any number of
/// calls before the worker next waits wake it once, because one pass covers all work queued so far.
/// </summary>
/// <remarks>
/// The signal is local to this node. Work queued on another node reaches it through <see cref="IHubEvents"/>: a worker
/// subscribes to the topic and calls <see cref="Wake"/> from the handler. Each worker gets its own sealed subclass, so
/// each is a distinct singleton in dependency injection.
/// </remarks>
public abstract class WorkSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>Wakes the worker, or does nothing when it is already signalled. Safe from any thread.</summary>
    public void Wake()
    {
        // PERF: skip the exception on the common path where the signal is already set.
        if (_signal.CurrentCount != 0)
        {
            return;
        }

        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Signalled by another thread since the check: one wake-up covers all work queued so far.
        }
    }

    /// <summary>
    /// Waits until <see cref="Wake"/> is called (or was called since the last wait) or <paramref name="timeout"/>
    /// passes, and consumes the wake-up.
    /// </summary>
    /// <param name="timeout">The longest wait; <see cref="TimeSpan.Zero"/> only consumes a pending wake-up.</param>
    /// <param name="cancellationToken">Ends the wait with <see cref="OperationCanceledException"/>.</param>
    /// <returns><see langword="true"/> when woken; <see langword="false"/> when the timeout passed.</returns>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the semaphore when <paramref name="disposing"/> is <see langword="true"/>.</summary>
    /// <param name="disposing"><see langword="true"/> from <see cref="Dispose()"/>; <see langword="false"/> from a finalizer.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _signal.Dispose();
        }
    }
}
