using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ConversationHub.Faq.Search.Misses;
using ConversationHub.Faq.Search.Service;

namespace ConversationHub.Faq.Search.Tally;

/// <summary>
/// Counts citizens' questions and confident first answers in memory, per hour and channel, for
/// <see cref="FaqQuestionTallyWriterService"/> to add to <c>faq_question_counts</c>. Counting is two interlocked
/// increments, so a search never waits for the database; counts not yet written when a node dies are lost, which
/// the chart (a share per week) tolerates. The same questions count on the <c>hub.questions</c> metric (per channel,
/// confident or not), whose rate is the platform's questions per second.
/// </summary>
internal sealed class FaqQuestionTally(SearchMissLog misses, TimeProvider time, IMeterFactory meters)
{
    /// <summary>The FAQ module's meter.</summary>
    public const string MeterName = "ConversationHub.Faq";

    private readonly ConcurrentDictionary<(DateTime HourUtc, SearchChannel Channel), HourCount> _counters = new();
    private readonly Counter<long> _questions = meters.Create(MeterName).CreateCounter<long>("hub.questions", "{question}", "Citizens' questions answered from the FAQ, by channel and confidence");

    /// <summary>Counts one question whose results (unfiltered, best first) are <paramref name="results"/>.</summary>
    public void Record(SearchChannel channel, IReadOnlyList<FaqSearchResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var now = time.GetUtcNow().UtcDateTime;
        var hour = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
        var counter = _counters.GetOrAdd((hour, channel), _ => new HourCount());
        Interlocked.Increment(ref counter.Questions);
        var confident = misses.Classify(results) is null;
        if (confident)
            Interlocked.Increment(ref counter.Confident);
        _questions.Add(1, new KeyValuePair<string, object?>("channel", channel.ToString()), new KeyValuePair<string, object?>("confident", confident));
    }

    /// <summary>Takes what was counted since the last call (the writer adds it to the table).</summary>
    public List<FaqQuestionCount> Drain()
    {
        var drained = new List<FaqQuestionCount>();
        foreach (var key in _counters.Keys)
        {
            if (!_counters.TryRemove(key, out var counter))
                continue;
            // A Record that fetched this counter just before the removal may still increment it; the next hour's
            // counter starts fresh, and one lost increment in a share per week is noise.
            var questions = Interlocked.Exchange(ref counter.Questions, 0);
            if (questions > 0)
                drained.Add(new FaqQuestionCount(key.HourUtc, key.Channel, questions, Interlocked.Exchange(ref counter.Confident, 0)));
        }

        return drained;
    }

    private sealed class HourCount
    {
        public int Questions;
        public int Confident;
    }
}
