namespace ConversationHub.Core.Faq;

/// <summary>
/// The public FAQ site's figures for the self-service report (issue 18), which other modules read without depending on
/// the FAQ module. Periods are Japan-time days, both ends included. A null list means nothing records the figure on
/// this platform (no FAQ module): the report shows it empty rather than as none.
/// </summary>
public interface IFaqSiteFigures
{
    /// <summary>The most searched normalised terms, most first, with how many of those searches found nothing.</summary>
    Task<IReadOnlyList<SearchTermFigure>?> TopSearchTermsAsync(DateOnly fromJst, DateOnly toJst, int top, CancellationToken cancellationToken);

    /// <summary>The most frequent searches that found nothing or nothing convincing (masked as stored), most first.</summary>
    Task<IReadOnlyList<SearchTermFigure>?> TopMissesAsync(DateOnly fromJst, DateOnly toJst, int top, CancellationToken cancellationToken);

    /// <summary>The FAQs with the most ratings (役に立った／立たなかった) given in the period, most first.</summary>
    Task<IReadOnlyList<FaqRatingFigure>?> TopRatedAsync(DateOnly fromJst, DateOnly toJst, int top, CancellationToken cancellationToken);

    /// <summary>The most viewed FAQ pages (the site's access ranking), most first.</summary>
    Task<IReadOnlyList<FaqCountFigure>?> TopViewedAsync(DateOnly fromJst, DateOnly toJst, int top, CancellationToken cancellationToken);

    /// <summary>The questions (titles) of the FAQs <paramref name="faqIds"/> that exist; unknown ids are left out.</summary>
    Task<IReadOnlyDictionary<string, string>> TitlesAsync(IReadOnlyCollection<string> faqIds, CancellationToken cancellationToken);
}

/// <summary>A search term and its counts.</summary>
/// <param name="Term">The term as stored (normalised, or masked for misses).</param>
/// <param name="Searches">Searches for it.</param>
/// <param name="NoResult">Of those, searches that found nothing.</param>
public sealed record SearchTermFigure(string Term, int Searches, int NoResult);

/// <summary>An FAQ and a count.</summary>
/// <param name="FaqId">The FAQ's id.</param>
/// <param name="Title">Its question.</param>
/// <param name="Count">The count (views).</param>
public sealed record FaqCountFigure(string FaqId, string Title, int Count);

/// <summary>An FAQ's ratings.</summary>
/// <param name="FaqId">The FAQ's id.</param>
/// <param name="Title">Its question.</param>
/// <param name="Helpful">役に立った.</param>
/// <param name="NotHelpful">役に立たなかった.</param>
public sealed record FaqRatingFigure(string FaqId, string Title, int Helpful, int NotHelpful);
