using System.Text.RegularExpressions;
using System.Threading.Channels;
using ConversationHub.Faq.Search.Service;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Faq.Search.Misses;

/// <summary>
/// Notes searches that found nothing (or nothing convincing) without making the search wait: the masked miss
/// goes into a bounded in-process queue that <see cref="SearchMissWriterService"/> drains into
/// <c>faq_search_misses</c>. When the queue is full the miss is dropped and counted (<see cref="Dropped"/>):
/// the log is for editors' statistics, and a citizen's search must never slow down because of it.
/// </summary>
internal sealed partial class SearchMissLog
{
    private readonly Channel<FaqSearchMiss> _queue;
    private readonly IOptionsMonitor<FaqSearchOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SearchMissLog> _logger;
    private long _dropped;

    public SearchMissLog(IOptionsMonitor<FaqSearchOptions> options, TimeProvider time, ILogger<SearchMissLog> logger)
    {
        _options = options;
        _time = time;
        _logger = logger;
        _queue = Channel.CreateBounded<FaqSearchMiss>(new BoundedChannelOptions(options.CurrentValue.MissQueueCapacity)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
        }, _ => Interlocked.Increment(ref _dropped));
    }

    /// <summary>Misses dropped because the queue was full, since start.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    internal ChannelReader<FaqSearchMiss> Reader => _queue.Reader;

    /// <summary>The kind of miss that <paramref name="results"/> (unfiltered, best first) are, or null for a good search.</summary>
    public SearchMissKind? Classify(IReadOnlyList<FaqSearchResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0)
            return SearchMissKind.ZeroHit;
        return results[0].Score < _options.CurrentValue.LowConfidenceScore ? SearchMissKind.LowConfidence : null;
    }

    /// <summary>Queues the search if it was a miss; returns at once.</summary>
    public void RecordIfMiss(string query, IReadOnlyList<FaqSearchResult> results, SearchChannel channel)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (Classify(results) is not { } kind)
            return;

        string masked;
        try
        {
            masked = SearchQueryMasker.Apply(query);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological input: keeping nothing is the safe side.
            Log.MaskTimedOut(_logger);
            return;
        }

        if (masked.Length == 0)
            return;
        var miss = new FaqSearchMiss(masked, kind, results.Count == 0 ? null : results[0].Score, results.Count, channel, _time.GetUtcNow().UtcDateTime);
        if (!_queue.Writer.TryWrite(miss))
            Interlocked.Increment(ref _dropped);
    }

    /// <summary>No more misses; lets the writer finish what is queued.</summary>
    internal void Complete() => _queue.Writer.TryComplete();

    private static partial class Log
    {
        [LoggerMessage(EventId = 2300, Level = LogLevel.Warning, Message = "A search miss was not logged: masking its query timed out")]
        public static partial void MaskTimedOut(ILogger logger);
    }
}
