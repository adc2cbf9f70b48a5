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

    /// <summary>
    /// When an editor dealt with this query in the review queue (検索順位の学習): wrote a draft FAQ for it or mapped it
    /// to an existing FAQ; null while it waits. Set for every waiting miss of the same query at once, with a
    /// conditional update, so two editors cannot both handle it.
    /// </summary>
    public DateTime? HandledAtUtc { get; private set; }

    public Guid? HandledByUserId { get; private set; }

    /// <summary>The draft written for the query, or the FAQ it was mapped to.</summary>
    public Guid? HandledFaqId { get; private set; }
}
