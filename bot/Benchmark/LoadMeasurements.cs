using System.Collections.Concurrent;
using System.Diagnostics;

namespace ConversationHub.Bot.Benchmark;

/// <summary>
/// What one load run observed, filled from many threads: reply latencies (from the scheduled send time, so a client
/// that falls behind its schedule shows up as latency), messages received over the sockets, errors.
/// </summary>
/// <remarks>
/// A reply is matched to its question by id. For Direct Line the id is only known when the POST returns, and the
/// answer may arrive over the socket first, so both sides note their half and whoever completes the pair records it.
/// </remarks>
internal sealed class LoadMeasurements
{
    private readonly ConcurrentDictionary<string, long> _sentAt = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _arrivedAt = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly List<double> _latencies = [];
    private readonly List<string> _answeredIds = [];
    private long _messages;
    private int _errors;

    public int Answered
    {
        get
        {
            lock (_latencies)
            {
                return _latencies.Count;
            }
        }
    }

    public int Errors => Volatile.Read(ref _errors);

    public long Messages => Interlocked.Read(ref _messages);

    public void Error() => Interlocked.Increment(ref _errors);

    public void Received(int messages) => Interlocked.Add(ref _messages, messages);

    /// <summary>The question with <paramref name="id"/> was sent; it was due at <paramref name="scheduled"/>.</summary>
    public void Sent(string id, long scheduled)
    {
        _sentAt[id] = scheduled;
        if (_arrivedAt.TryGetValue(id, out var arrived) && _sentAt.TryRemove(id, out var sent))
        {
            Record(id, sent, arrived);
        }
    }

    /// <summary>A reply to <paramref name="id"/> arrived; only the first reply to a question counts.</summary>
    public void Arrived(string id, long at)
    {
        if (_arrivedAt.TryAdd(id, at) && _sentAt.TryRemove(id, out var sent))
        {
            Record(id, sent, at);
        }
    }

    /// <summary>
    /// A call answering <paramref name="id"/> arrived (a LINE reply or push): like <see cref="Arrived"/>, and each call
    /// is counted, so that a question answered in more than one call shows in <see cref="CallsPerAnswer"/>.
    /// </summary>
    public void CallArrived(string id, long at)
    {
        _calls.AddOrUpdate(id, 1, (_, count) => count + 1);
        Arrived(id, at);
    }

    /// <summary>The mean and largest number of calls per answered question; null when no calls were counted.</summary>
    public (double Mean, int Max)? CallsPerAnswer()
    {
        List<int> counts;
        lock (_latencies)
        {
            counts = [.. _answeredIds.Select(id => _calls.GetValueOrDefault(id))];
        }

        return _calls.IsEmpty || counts.Count == 0 ? null : (counts.Average(), counts.Max());
    }

    /// <summary>Forgets everything observed so far (after the warm-up).</summary>
    public void Reset()
    {
        lock (_latencies)
        {
            _latencies.Clear();
            _answeredIds.Clear();
        }

        _sentAt.Clear();
        _arrivedAt.Clear();
        _calls.Clear();
        Interlocked.Exchange(ref _messages, 0);
        Interlocked.Exchange(ref _errors, 0);
    }

    public IReadOnlyList<double> LatenciesMs()
    {
        lock (_latencies)
        {
            return [.. _latencies];
        }
    }

    private void Record(string id, long sent, long arrived)
    {
        var milliseconds = Stopwatch.GetElapsedTime(sent, arrived).TotalMilliseconds;
        lock (_latencies)
        {
            _latencies.Add(milliseconds);
            _answeredIds.Add(id);
        }
    }
}
