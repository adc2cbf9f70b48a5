namespace ConversationHub.Faq.Search.Misses;

/// <summary>
/// One search that found nothing, or nothing convincing, for editors to write the missing FAQ. Anonymous by
/// design: no user, session or address, and the query is masked (<see cref="SearchQueryMasker"/>) before it is
/// created, so personal data never reaches the table.
/// </summary>
public sealed class FaqSearchMiss
{
    /// <summary>The longest masked query kept, in UTF-16 code units.</summary>
    public const int MaxQueryLength = 200;

    public FaqSearchMiss(string maskedQuery, SearchMissKind kind, float? topScore, int resultCount, SearchChannel channel, DateTime createdAtUtc)
    {
        ArgumentNullException.ThrowIfNull(maskedQuery);
        MaskedQuery = maskedQuery.Length <= MaxQueryLength ? maskedQuery : maskedQuery[..MaxQueryLength];
        Kind = kind;
        TopScore = topScore;
        ResultCount = resultCount;
        Channel = channel;
        CreatedAtUtc = createdAtUtc;
    }

    public long Id { get; private set; }

    public string MaskedQuery { get; private set; }

    public SearchMissKind Kind { get; private set; }

    /// <summary>The best BM25F score, or null for a zero-hit search.</summary>
    public float? TopScore { get; private set; }

    public int ResultCount { get; private set; }

    public SearchChannel Channel { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
}
