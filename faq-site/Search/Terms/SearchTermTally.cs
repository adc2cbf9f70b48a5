using System.Collections.Concurrent;
using ConversationHub.Faq.Site;

namespace ConversationHub.Faq.Search.Terms;

/// <summary>
/// Counts searches per Japan-time day and normalised term in memory, for <see cref="SearchTermTallyWriterService"/> to
/// add to <c>faq_search_terms</c>: a search never waits for the database. Counts not yet written when a node dies are
/// lost, which a ranking of search words tolerates.
/// </summary>
internal sealed class SearchTermTally(TimeProvider time)
{
    private readonly ConcurrentDictionary<(DateOnly Day, string Term), TermCount> _counters = new();

    /// <summary>Counts one search for <paramref name="query"/> that found <paramref name="resultCount"/> FAQs; queries that look personal are not counted.</summary>
    public void Record(string query, int resultCount)
    {
        if (SearchTermNormaliser.Normalise(query) is not { } term)
        {
            return;
        }

        var counter = _counters.GetOrAdd((JapanDate.Today(time), term), _ => new TermCount());
        Interlocked.Increment(ref counter.Searches);
        if (resultCount == 0)
        {
            Interlocked.Increment(ref counter.NoResult);
        }
    }

    /// <summary>Takes what was counted since the last call.</summary>
    public List<SearchTermCount> Drain()
    {
        var drained = new List<SearchTermCount>();
        foreach (var key in _counters.Keys)
        {
            if (_counters.TryRemove(key, out var counter))
            {
                drained.Add(new SearchTermCount(key.Day, key.Term, Interlocked.Exchange(ref counter.Searches, 0), Interlocked.Exchange(ref counter.NoResult, 0)));
            }
        }

        return drained;
    }

    private sealed class TermCount
    {
        public int Searches;
        public int NoResult;
    }
}
