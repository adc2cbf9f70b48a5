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

    /// <summary>
    /// Runs <paramref name="pass"/> until <paramref name="stoppingToken"/> ends: at once, then whenever woken or when the
    /// wait the last pass returned has passed. A pass that throws is reported to <paramref name="failed"/>, which returns
    /// the wait before the next try; the loop goes on.
    /// </summary>
    /// <param name="pass">One pass over the work; returns how long to wait before the next one.</param>
    /// <param name="failed">Logs a failed pass and returns the wait before the next.</param>
    /// <param name="stoppingToken">Ends the loop.</param>
    public async Task RunAsync(Func<CancellationToken, Task<TimeSpan>> pass, Func<Exception, TimeSpan> failed, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(pass);
        ArgumentNullException.ThrowIfNull(failed);
        var wait = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await WaitAsync(wait, stoppingToken);
                wait = await pass(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                wait = failed(ex);
            }
        }
    }

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
