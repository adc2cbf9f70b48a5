namespace ConversationHub.Core.Events;

/// <summary>
/// The <see cref="IHubEvents"/> subscriptions of one listening service, ended together. Thread-safe and idempotent:
/// the host may stop a service twice at once (seen when a test host shuts down), and each subscription ends once.
/// </summary>
public sealed class HubSubscriptions : IDisposable
{
    private readonly List<IDisposable> _subscriptions = [];

    /// <summary>Keeps <paramref name="subscription"/> until <see cref="Dispose"/>.</summary>
    public void Add(IDisposable subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        lock (_subscriptions)
        {
            _subscriptions.Add(subscription);
        }
    }

    /// <summary>Ends every subscription kept so far.</summary>
    public void Dispose()
    {
        IDisposable[] ending;
        lock (_subscriptions)
        {
            ending = [.. _subscriptions];
            _subscriptions.Clear();
        }

        foreach (var subscription in ending)
        {
            subscription.Dispose();
        }
    }
}
