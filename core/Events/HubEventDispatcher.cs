using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace ConversationHub.Core.Events;

/// <summary>
/// Delivers events to local subscribers. Each subscription has its own queue and loop, so a slow handler
/// delays only itself and handlers of one subscription see events in order.
/// </summary>
internal sealed partial class HubEventDispatcher(ILogger logger) : IAsyncDisposable
{
    private readonly ILogger _logger = logger;
    private readonly ConcurrentDictionary<Subscription, byte> _subscriptions = new();
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;

    public IDisposable Subscribe(string topic, Func<HubEvent, CancellationToken, Task> handler)
    {
        if (!HubEventTopics.IsValid(topic))
        {
            throw new ArgumentException($"Topic '{topic}' must be a lower-case dotted name such as 'faq.changed'.", nameof(topic));
        }

        ArgumentNullException.ThrowIfNull(handler);
        var subscription = new Subscription(this, topic, handler);
        _subscriptions.TryAdd(subscription, 0);
        subscription.Start(_stopping.Token);
        return subscription;
    }

    public void Dispatch(HubEvent hubEvent)
    {
        foreach (var subscription in _subscriptions.Keys)
        {
            if (string.Equals(subscription.Topic, hubEvent.Topic, StringComparison.Ordinal))
            {
                subscription.Enqueue(hubEvent);
            }
        }
    }

    // Idempotent: the host may stop a service and then dispose the container that holds it.
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        foreach (var subscription in _subscriptions.Keys)
        {
            subscription.Dispose();
        }

        _stopping.Dispose();
    }

    private sealed class Subscription(HubEventDispatcher owner, string topic, Func<HubEvent, CancellationToken, Task> handler) : IDisposable
    {
        private readonly Channel<HubEvent> _queue = Channel.CreateUnbounded<HubEvent>(new UnboundedChannelOptions { SingleReader = true });

        public string Topic { get; } = topic;

        public void Enqueue(HubEvent hubEvent) => _queue.Writer.TryWrite(hubEvent);

        public void Start(CancellationToken stopping) => _ = Task.Run(() => RunAsync(stopping), CancellationToken.None);

        public void Dispose()
        {
            owner._subscriptions.TryRemove(this, out _);
            _queue.Writer.TryComplete();
        }

        private async Task RunAsync(CancellationToken stopping)
        {
            try
            {
                await foreach (var hubEvent in _queue.Reader.ReadAllAsync(stopping))
                {
                    try
                    {
                        await handler(hubEvent, stopping);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !stopping.IsCancellationRequested)
                    {
                        Log.HandlerFailed(owner._logger, ex, hubEvent.Topic);
                    }
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // Shutting down.
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1100, Level = LogLevel.Error, Message = "A subscriber of {Topic} failed")]
        public static partial void HandlerFailed(ILogger logger, Exception exception, string topic);
    }
}
