using System.Globalization;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Ranking.Judgements;
using ConversationHub.Faq.Site;
using ConversationHub.Faq.Site.Analytics;
using ConversationHub.Faq.Site.Feedback;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Apis;

/// <summary>
/// The link of each <c>/search</c> result: records the click (query, FAQ, position) as a judgement candidate and
/// redirects to the FAQ's page. A plain link, so it works without JavaScript; crawlers are sent on without a
/// record, and a judgement that cannot be stored never keeps a citizen from the answer. A recorded click rides
/// along as an opaque token (<see cref="SearchClickTokens"/>, never the query) so that the page's feedback form
/// can pair the rating with the search.
/// </summary>
internal static class SearchClickApi
{
    public const string Path = "/search/click";

    /// <summary>The FAQ page's query parameter that carries the click token.</summary>
    public const string TokenParameter = "click";

    public static string UrlFor(string query, Guid faqId, int position) =>
        string.Create(CultureInfo.InvariantCulture, $"{Path}?q={Uri.EscapeDataString(query)}&faq={faqId}&pos={position}");

    public static IEndpointRouteBuilder MapSearchClickApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, ClickAsync).WithTags("FAQ search").WithName("SearchResultClick").AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    internal static async Task<Results<RedirectHttpResult, BadRequest<string>, NotFound>> ClickAsync(
        string? q, string? faq, string? pos, HttpRequest request, FaqDbContext db, RecordJudgement record, SearchClickTokens tokens,
        CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(faq, out var faqId))
            return TypedResults.BadRequest("faq must be an FAQ id.");
        if (!int.TryParse(pos, NumberStyles.None, CultureInfo.InvariantCulture, out var position) || position is < 1 or > 1000)
            return TypedResults.BadRequest("pos must be a result position from 1 to 1000.");
        var question = await db.Faqs.AsNoTracking()
            .Where(f => f.Id == faqId && f.Status == FaqStatus.Published && f.Visibility == FaqVisibility.Public)
            .Select(f => f.Question).FirstOrDefaultAsync(cancellationToken);
        if (question is null)
            return TypedResults.NotFound();

        var target = FaqSlug.CanonicalPath(faqId, question);
        if (string.IsNullOrWhiteSpace(q) || BotUserAgents.IsBot(request.Headers.UserAgent))
            return TypedResults.Redirect(target);
        var click = await record.ExecuteAsync(new JudgementInput(JudgementSource.SearchClick, q, faqId, 1, position), cancellationToken);
        return TypedResults.Redirect(click.Judgement is { } stored
            ? $"{target}?{TokenParameter}={Uri.EscapeDataString(tokens.Protect(stored.Id, faqId))}"
            : target);
    }
}
