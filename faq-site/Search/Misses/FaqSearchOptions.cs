namespace ConversationHub.Faq.Search.Misses;

/// <summary>The <c>FaqSearch</c> section: when a search counts as a miss, and how the miss log buffers.</summary>
public sealed class FaqSearchOptions
{
    public const string SectionName = "FaqSearch";

    /// <summary>
    /// A search whose best BM25F score is below this is logged as <see cref="SearchMissKind.LowConfidence"/>.
    /// BM25F scores are not normalised, but on this analyser a query whose best FAQ shares one real content word
    /// with it scores above about 4, while matches carried only by a couple of character bigrams score 1–3 (measured on
    /// the demo city and localgovFAQ). 0 turns the low-confidence log off; zero-hit searches are always logged.
    /// </summary>
    public double LowConfidenceScore { get; set; } = 3.0;

    /// <summary>How many misses may wait for the database; more are dropped and counted, never waited for.</summary>
    public int MissQueueCapacity { get; set; } = 1000;
}
