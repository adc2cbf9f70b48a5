using System.Collections.Concurrent;
using System.Diagnostics;

namespace ConversationHub.Host.HandoffLoad;

/// <summary>
/// What a <c>handoff load</c> run saw, from the clients' side: when each citizen asked for a person, when the offer
/// reached an agent, how many accepts the server granted per conversation, and each marked message from its send to
/// its arrival on the other side.
/// </summary>
internal sealed class HandoffLoadMeasurements
{
    private readonly ConcurrentDictionary<string, long> _asked = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _offered = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _granted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _closed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _toCitizen = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _toAgent = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<double> _offerMs = new();
    private readonly ConcurrentQueue<double> _toCitizenMs = new();
    private readonly ConcurrentQueue<double> _toAgentMs = new();
    private int _refused;
    private int _errors;
    private int _sent;

    public void Asked(string conversationId) => _asked[conversationId] = Stopwatch.GetTimestamp();

    public void Offered(string conversationId)
    {
        if (_offered.TryAdd(conversationId, 0) && _asked.TryGetValue(conversationId, out var asked))
        {
            _offerMs.Enqueue(Stopwatch.GetElapsedTime(asked).TotalMilliseconds);
        }
    }

    public void Granted(string conversationId) => _granted.AddOrUpdate(conversationId, 1, (_, n) => n + 1);

    public void Refused() => Interlocked.Increment(ref _refused);

    public void Closed(string conversationId) => _closed.TryAdd(conversationId, 0);

    public void Error() => Interlocked.Increment(ref _errors);

    public void SentToCitizen(string marker)
    {
        _toCitizen[marker] = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _sent);
    }

    public void ArrivedAtCitizen(string marker)
    {
        if (_toCitizen.TryRemove(marker, out var sent))
        {
            _toCitizenMs.Enqueue(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
        }
    }

    public void SentToAgent(string marker)
    {
        _toAgent[marker] = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _sent);
    }

    public void ArrivedAtAgent(string marker)
    {
        if (_toAgent.TryRemove(marker, out var sent))
        {
            _toAgentMs.Enqueue(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
        }
    }

    public int AskedCount => _asked.Count;

    public int OfferedCount => _offered.Count;

    public int GrantedConversations => _granted.Count;

    public int DoubleAssignments => _granted.Values.Count(n => n > 1);

    public int ClosedCount => _closed.Count;

    public int RefusedAccepts => Volatile.Read(ref _refused);

    public int Errors => Volatile.Read(ref _errors);

    public int MessagesSent => Volatile.Read(ref _sent);

    public int LostToCitizen => _toCitizen.Count;

    public int LostToAgent => _toAgent.Count;

    public IReadOnlyList<double> OfferMs => [.. _offerMs];

    public IReadOnlyList<double> ToCitizenMs => [.. _toCitizenMs];

    public IReadOnlyList<double> ToAgentMs => [.. _toAgentMs];

    public bool AllClosed(int citizens) => _closed.Count >= citizens;
}
