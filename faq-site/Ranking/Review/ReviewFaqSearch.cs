using ConversationHub.Faq.Search.Service;

namespace ConversationHub.Faq.Ranking.Review;

/// <summary>
/// The search box of 「別のFAQに付け替える」: the same engine and re-ranker as citizens' search, over every
/// visibility (staff may point a query at a center-only FAQ), without logging a miss (an editor looking for an FAQ
/// is no citizen failing to find one).
/// </summary>
internal sealed class ReviewFaqSearch(FaqSearchService search)
{
    public const int Top = 10;

    public IReadOnlyList<FaqSearchResult> Find(string? text)
    {
        var query = SearchQueryText.Clean(text);
        return query.Length == 0 ? [] : search.Search(query, FaqAudience.Staff, null, Top);
    }
}
