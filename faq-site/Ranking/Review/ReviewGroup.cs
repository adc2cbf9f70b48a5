namespace ConversationHub.Faq.Ranking.Review;

/// <summary>
/// One row of the review queue: every waiting candidate for one masked query and one FAQ, or every unhandled
/// search miss of one masked query (then the FAQ is null).
/// </summary>
/// <param name="Id">The oldest row of the group (a judgement id or a miss id, by <see cref="Kind"/>): what decisions name.</param>
/// <param name="LastId">The newest row: a decision made from this view covers rows up to it, not ones that came later.</param>
/// <param name="Sources">Rows per source name (<see cref="ReviewSources"/>).</param>
/// <param name="Categories">The names of the FAQ's categories (life events and fields).</param>
internal sealed record ReviewGroup(
    ReviewGroupKind Kind,
    long Id,
    long LastId,
    string Query,
    Guid? FaqId,
    string? FaqQuestion,
    IReadOnlyList<string> Categories,
    IReadOnlyDictionary<string, int> Sources,
    int Count,
    DateTime FirstSeenUtc,
    DateTime LastSeenUtc)
{
    /// <summary>A key unique across both kinds, used in HTML ids and the page's forms: <c>c-12</c>, <c>m-7</c>.</summary>
    /// <summary>The ids of the FAQ's categories, for the category filter.</summary>
    public IReadOnlyList<Guid> CategoryIds { get; init; } = [];

    public string Key => (Kind == ReviewGroupKind.Candidate ? "c-" : "m-") + Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
