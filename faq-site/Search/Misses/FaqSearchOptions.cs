namespace ConversationHub.Faq.Search.Misses;

/// <summary>The <c>FaqSearch</c> section: when a search counts as a miss, and how the miss log buffers.</summary>
public sealed class FaqSearchOptions
{
    public const string SectionName = "FaqSearch";

    /// <summary>
    /// A search whose best BM25F score is below this is logged as <see cref="SearchMissKind.LowConfidence"/>.
    /// BM25F scores are not normalised and depend on the query's length, so this is a floor, not a probability.
    /// Measured on the demo city (about 150 FAQs): a best FAQ that shares a real content word with the query scores
    /// 6 or more (ごみのだしかた 8.8, 住民票 17, 児童手当 いつ振り込まれる 44), while best FAQs carried only by a stray
    /// character bigram score 0.8–3.3 (きっぷ 1.9, ペットの火葬 3.2, ラーメン屋 0.9). No gap rule is applied: the
    /// gap between the first and second score is large for good single-answer queries too, so it does not separate
    /// them. Known blind spot: a query with one common word and an off-topic rest (宇宙旅行 matches 海外旅行 at 12.8)
    /// is not flagged. 0 turns the low-confidence log off; zero-hit searches are always logged.
    /// </summary>
    public double LowConfidenceScore { get; set; } = 4.0;

    /// <summary>How many misses may wait for the database; more are dropped and counted, never waited for.</summary>
    public int MissQueueCapacity { get; set; } = 1000;
}
