using System.Collections.Concurrent;
using ConversationHub.Handoff.Chats;

namespace ConversationHub.Handoff.Live;

/// <summary>
/// This node's console connections and the chats each has open. The relay pushes a conversation's news only when a
/// local connection watches it (every bot turn of every citizen announces an activity), and re-checks the watchers'
/// rights when the conversation changes hands, so a transferred chat stops reaching its previous agent.
/// </summary>
internal sealed class ChatWatchers
{
    private readonly ConcurrentDictionary<string, StaffUser> _connections = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, byte>> _byChat = new();

    public void Connected(string connectionId, StaffUser user) => _connections[connectionId] = user;

    public IReadOnlyCollection<Guid> Disconnected(string connectionId)
    {
        _connections.TryRemove(connectionId, out _);
        var left = new List<Guid>();
        foreach (var (chat, watchers) in _byChat)
        {
            if (watchers.TryRemove(connectionId, out _))
            {
                left.Add(chat);
            }
        }

        return left;
    }

    public void Watch(string connectionId, Guid conversationId) =>
        _byChat.GetOrAdd(conversationId, _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal))[connectionId] = 0;

    public void Unwatch(string connectionId, Guid conversationId)
    {
        if (_byChat.TryGetValue(conversationId, out var watchers))
        {
            watchers.TryRemove(connectionId, out _);
        }
    }

    public bool IsWatched(Guid conversationId) => _byChat.TryGetValue(conversationId, out var watchers) && !watchers.IsEmpty;

    /// <summary>The connections watching the conversation, with their users.</summary>
    public IReadOnlyList<(string ConnectionId, StaffUser User)> WatchersOf(Guid conversationId) =>
        _byChat.TryGetValue(conversationId, out var watchers)
            ? [.. watchers.Keys.Select(c => (c, _connections.GetValueOrDefault(c))).Where(x => x.Item2 is not null).Select(x => (x.c, x.Item2!))]
            : [];
}
