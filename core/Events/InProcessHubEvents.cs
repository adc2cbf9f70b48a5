using Microsoft.Extensions.Logging;

namespace ConversationHub.Core.Events;

/// <summary>The single-node implementation (the embedded SQLite default): events never leave the process.</summary>
internal sealed class InProcessHubEvents(ILogger<InProcessHubEvents> logger) : IHubEvents, IAsyncDisposable
{
    private readonly HubEventDispatcher _dispatcher = new(logger);

    public string NodeId { get; } = Guid.NewGuid().ToString("N")[..12];

    public Task PublishAsync(string topic, string payload, CancellationToken cancellationToken)
    {
        HubEventTopics.ThrowIfInvalid(topic, payload);
        cancellationToken.ThrowIfCancellationRequested();
        _dispatcher.Dispatch(new HubEvent(topic, payload, NodeId));
        return Task.CompletedTask;
    }

    public IDisposable Subscribe(string topic, Func<HubEvent, CancellationToken, Task> handler) => _dispatcher.Subscribe(topic, handler);

    public ValueTask DisposeAsync() => _dispatcher.DisposeAsync();
}
