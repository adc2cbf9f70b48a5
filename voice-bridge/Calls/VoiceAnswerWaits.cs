using System.Collections.Concurrent;

namespace ConversationHub.VoiceBridge.Calls;

/// <summary>
/// The voice conversations on this node whose caller waits for the bot's answer, so that <see cref="VoiceAnswerWorker"/>
/// is woken by their new activities only, not by every activity on the platform (under load a sweep per activity costs
/// more than it saves). A node knows the questions it asked; the bot answers them on the node that asked (its turn queue
/// is local), and <see cref="Core.Conversations.Domain.ConversationEventTopics.ActivityAdded"/> reaches every node. A
/// wait ends when the answer is applied, or after <see cref="Expiry"/> (the answer was applied on another node, or never
/// came): then the worker's poll is the safety net.
/// </summary>
internal sealed class VoiceAnswerWaits(TimeProvider time)
{
    internal static readonly TimeSpan Expiry = TimeSpan.FromMinutes(2);

    // PERF: an expired wait is dropped when it is next looked at; the whole map is swept only when it grows large.
    private const int SweepAbove = 1024;

    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _waits = new();

    public void Add(Guid conversationId)
    {
        var now = time.GetUtcNow();
        _waits[conversationId] = now + Expiry;
        if (_waits.Count > SweepAbove)
        {
            foreach (var (id, until) in _waits)
            {
                if (until < now)
                {
                    _waits.TryRemove(id, out _);
                }
            }
        }
    }

    public void Remove(Guid conversationId) => _waits.TryRemove(conversationId, out _);

    public bool IsWaiting(Guid conversationId)
    {
        if (!_waits.TryGetValue(conversationId, out var until))
        {
            return false;
        }

        if (until >= time.GetUtcNow())
        {
            return true;
        }

        _waits.TryRemove(conversationId, out _);
        return false;
    }
}
