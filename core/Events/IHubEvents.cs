namespace ConversationHub.Core.Events;

/// <summary>
/// Notifications between the nodes of one deployment: a new activity for a socket held by another node, an FAQ
/// edit every node's index must pick up, a queue change. Delivery is at-most-once and best effort; the database
/// stays the source of truth, and subscribers resynchronise on <see cref="HubEventTopics.Reconnected"/>.
/// </summary>
public interface IHubEvents
{
    /// <summary>The largest payload, in UTF-8 bytes, that every implementation carries.</summary>
    public const int MaxPayloadBytes = 7000;

    /// <summary>This node's id (random per process).</summary>
    string NodeId { get; }

    /// <summary>Publishes to every subscriber of <paramref name="topic"/> on every node, this one included.</summary>
    /// <exception cref="ArgumentException">The topic is malformed or the payload is over <see cref="MaxPayloadBytes"/>.</exception>
    Task PublishAsync(string topic, string payload, CancellationToken cancellationToken);

    /// <summary>
    /// Calls <paramref name="handler"/> for each event on <paramref name="topic"/> until the returned handle is
    /// disposed. Handlers run one at a time per subscription; an exception in one is logged and does not stop others.
    /// </summary>
    IDisposable Subscribe(string topic, Func<HubEvent, CancellationToken, Task> handler);
}
