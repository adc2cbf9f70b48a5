using System.Collections.Concurrent;
using ConversationHub.Handoff.Mail;

namespace ConversationHub.Host.Tests.Mail;

/// <summary>A case router for tests: records every call, answers one case per message, and can throw the first N calls.</summary>
public sealed class RecordingRouter : IInboundMailRouter
{
    private int _failures;

    public ConcurrentQueue<InboundMessage> Calls { get; } = new();

    public ConcurrentDictionary<Guid, Guid> Cases { get; } = new();

    public void FailNext(int count) => Interlocked.Exchange(ref _failures, count);

    public Task<Guid?> RouteAsync(InboundMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        Calls.Enqueue(message);
        if (Interlocked.Decrement(ref _failures) >= 0)
        {
            throw new InvalidOperationException("the case store is down");
        }

        return Task.FromResult<Guid?>(Cases.GetOrAdd(message.InboxId, _ => Guid.NewGuid()));
    }
}
