using System.Globalization;
using ConversationHub.Faq.Search.Misses;
using ConversationHub.Faq.Search.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ConversationHub.Faq.Apis;

/// <summary>Public search APIs for the site's search box and the bot's suggestions.</summary>
internal static class FaqSearchApi
{
    public const int MaxQueryLength = SearchQueryText.MaxLength;

    public static IEndpointRouteBuilder MapFaqSearchApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/faq").WithTags("FAQ search").AllowAnonymous();
        group.MapGet("/suggest", Suggest).WithName("SuggestFaq")
            .WithSummary("Up to 8 FAQ questions matching what the citizen has typed (reading-folded prefix match).");
        group.MapGet("/search", Search).WithName("SearchFaq")
            .WithSummary("The best public FAQs for a question, best first.");
        return endpoints;
    }

    internal static Results<Ok<SuggestResponse>, ValidationProblem> Suggest(string? q, FaqSearchService search, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (q is { Length: > MaxQueryLength })
        {
            return QueryTooLong(q.Length);
        }

        var typed = SearchQueryText.Clean(q);
        var suggestions = typed.Length == 0 ? [] : search.Suggest(typed);
        return TypedResults.Ok(new SuggestResponse([.. suggestions.Select(s => new SuggestItem(s.Text, s.FaqId is null ? null : Guid.Parse(s.FaqId)))]));
    }

    internal static Results<Ok<SearchResponse>, ValidationProblem> Search(
        string? q, Guid? category, int? top, FaqSearchService search, SearchMissLog misses, Search.Tally.FaqQuestionTally tally, Search.Terms.SearchTermTally terms, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (q is { Length: > MaxQueryLength })
        {
            return QueryTooLong(q.Length);
        }

        var query = SearchQueryText.Clean(q);
        if (query.Length == 0)
        {
            return Invalid("q", "q is required: the citizen's question, at least one visible character.");
        }

        if (top is < 1 or > 50)
        {
            return Invalid("top", "top must be between 1 and 50.");
        }

        var results = search.Search(query, FaqAudience.Public, category, top ?? 10);
        if (category is null)
        {
            // A category filter that empties the list says nothing about a missing FAQ; only plain searches count.
            misses.RecordIfMiss(query, results, SearchChannel.Api);
            tally.Record(SearchChannel.Api, results);
            terms.Record(query, results.Count);
        }

        return TypedResults.Ok(new SearchResponse([.. results.Select(r => new SearchItem(r.FaqId, r.Question, r.Snippet, r.Score))]));
    }

    // The query is neither echoed nor logged: at this length it is likely a pasted letter with personal details.
    private static ValidationProblem QueryTooLong(int length) => Invalid(
        "q", string.Create(CultureInfo.InvariantCulture, $"q is {length} characters long; at most {MaxQueryLength} are accepted."));

    private static ValidationProblem Invalid(string parameter, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [parameter] = [message] }, detail: message);

    internal sealed record SuggestResponse(IReadOnlyList<SuggestItem> Suggestions);

    internal sealed record SuggestItem(string Text, Guid? FaqId);

    internal sealed record SearchResponse(IReadOnlyList<SearchItem> Results);

    internal sealed record SearchItem(Guid FaqId, string Question, string Snippet, float Score);
}
