namespace ConversationHub.Faq.Search.Terms;

/// <summary>
/// How often one normalised search term was searched on one Japan-time day, and how often it found nothing: one
/// counter row per day and term (never a row per search), for the self-service report's top search words. Terms that
/// look like personal data are never counted (<see cref="SearchTermNormaliser"/>).
/// </summary>
public sealed class SearchTermCount(DateOnly dayJst, string term, int searches, int noResult)
{
    /// <summary>The longest term kept; a longer query is a sentence, not a search word, and is not counted.</summary>
    public const int MaxTermLength = 40;

    public DateOnly DayJst { get; private set; } = dayJst;

    public string Term { get; private set; } = term;

    public int Searches { get; private set; } = searches;

    public int NoResult { get; private set; } = noResult;
}
