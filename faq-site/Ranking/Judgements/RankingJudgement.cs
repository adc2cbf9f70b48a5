namespace ConversationHub.Faq.Ranking.Judgements;

/// <summary>
/// One observation that a query should (grade 1–2) or should not (grade 0) find an FAQ. Rows are append-only:
/// an editor's decision on a candidate is a new row pointing at it (<see cref="ReviewOfId"/>), so every judgement
/// a training run read can be read again (<see cref="JudgementSnapshot"/>). The query is masked
/// (<see cref="Search.Misses.SearchQueryMasker"/>) before it gets here and encrypted at rest, because what remains can
/// still name a person.
/// </summary>
public sealed class RankingJudgement
{
    /// <summary>The longest masked query kept, in UTF-16 code units.</summary>
    public const int MaxQueryLength = Search.Misses.FaqSearchMiss.MaxQueryLength;

    /// <summary>The highest grade: the FAQ answers the query.</summary>
    public const int MaxGrade = 2;

    public RankingJudgement(
        JudgementSource source, string query, Guid faqId, int grade, int? position, Guid? staffUserId, long? reviewOfId, DateTime createdAtUtc)
    {
        // EF binds the constructor by parameter name, so the masked query's parameter is named for its property.
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(grade);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(grade, MaxGrade);
        Source = source;
        Query = query.Length <= MaxQueryLength ? query : query[..MaxQueryLength];
        FaqId = faqId;
        Grade = grade;
        Position = position;
        StaffUserId = staffUserId;
        ReviewOfId = reviewOfId;
        CreatedAtUtc = createdAtUtc;
    }

    public long Id { get; private set; }

    public JudgementSource Source { get; private set; }

    /// <summary>The masked query (encrypted in the table).</summary>
    public string Query { get; private set; }

    public Guid FaqId { get; private set; }

    /// <summary>0 not relevant, 1 relevant, 2 answers the query.</summary>
    public int Grade { get; private set; }

    /// <summary>The 1-based rank the citizen saw for a click; null otherwise.</summary>
    public int? Position { get; private set; }

    /// <summary>The editor or agent who made it; null for citizens' signals, which are anonymous.</summary>
    public Guid? StaffUserId { get; private set; }

    /// <summary>For an editor's decision on a candidate: the candidate's id.</summary>
    public long? ReviewOfId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
}
