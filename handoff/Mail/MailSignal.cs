namespace ConversationHub.Handoff.Mail;

/// <summary>Wakes a mail worker before its next poll. Coalesces wake-ups.</summary>
internal abstract class MailSignal : IDisposable
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
            // Already signalled.
        }
    }

    public void Dispose() => _signal.Dispose();

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}

/// <summary>Wakes the <see cref="MailSender"/>.</summary>
internal sealed class OutboxSignal : MailSignal;

/// <summary>Wakes the <see cref="InboundMailRouting"/>.</summary>
internal sealed class InboxSignal : MailSignal;
