using ConversationHub.Core.Identity;
using ConversationHub.Faq.Editor;
using ConversationHub.Faq.Ranking.Judgements;
using ConversationHub.Faq.Ranking.Review;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using System.Security.Claims;

namespace ConversationHub.Faq.Apis;

/// <summary>
/// The review queue of the retraining console for scripts and the page's enhancements: candidates grouped by
/// (query, FAQ) and search misses, decided one group, a selection or a filtered set at a time. FAQ editors and
/// administrators only; errors are validation problems in English.
/// </summary>
internal static class RankingReviewApi
{
    public static IEndpointRouteBuilder MapRankingReviewApi(this IEndpointRouteBuilder endpoints)
    {
        var review = endpoints.MapGroup("/api/faq/ranking/review").WithTags("Ranking review")
            .RequireAuthorization(policy => policy.RequireRole(HubRoles.FaqEditor, HubRoles.Administrator));
        review.MapGet("/", ListAsync).WithName("ListRankingReviewQueue")
            .WithSummary("Candidate groups and search misses awaiting review, most frequent first, with counts per source.");
        review.MapPost("/decisions", DecideAsync).WithName("DecideRankingCandidates")
            .WithSummary("Accepts, rejects or reassigns the named candidate groups.");
        review.MapPost("/bulk", BulkAsync).WithName("DecideRankingCandidatesInBulk")
            .WithSummary("Accepts or rejects every candidate group matching a filter, as the queue showed it up to a judgement id.");
        review.MapPost("/misses/{id:long}/draft", DraftAsync).WithName("DraftFaqFromSearchMiss")
            .WithSummary("Writes a draft FAQ whose question is the missed query, and marks the query's misses handled.");
        review.MapPost("/misses/{id:long}/mapping", MapMissAsync).WithName("MapSearchMissToFaq")
            .WithSummary("Maps the missed query to an existing FAQ, and marks the query's misses handled.");
        review.MapGet("/faqs", FindFaqs).WithName("FindFaqsForReview")
            .WithSummary("FAQs of every visibility for a search text, best first (the reassign search box).");
        return endpoints;
    }

    internal static async Task<Results<Ok<ReviewQueuePage>, ValidationProblem>> ListAsync(
        string? source, string? from, string? to, string? category, string? q, int? page, ReviewQueue queue, CancellationToken cancellationToken)
    {
        var (filter, errors) = ReviewFilterParser.Parse(source, from, to, category, q);
        if (page is < 1)
            errors["page"] = ["The page must be 1 or more."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await queue.PageAsync(filter, page ?? 1, cancellationToken));
    }

    internal static async Task<Results<Ok<DecisionResult>, ValidationProblem, NotFound, ProblemHttpResult>> DecideAsync(
        DecisionRequest request, ClaimsPrincipal user, DecideCandidates use, CancellationToken cancellationToken)
    {
        if (!TryDecision(request.Decision, request.Grade, request.FaqId, allowReassign: true, out var decision, out var errors))
            return TypedResults.ValidationProblem(errors);
        return ToResult(await use.ExecuteAsync(request.GroupIds ?? [], decision, request.UpToId, StaffUser.IdOf(user), cancellationToken));
    }

    internal static async Task<Results<Ok<DecisionResult>, ValidationProblem, NotFound, ProblemHttpResult>> BulkAsync(
        BulkRequest request, ClaimsPrincipal user, ReviewQueue queue, DecideCandidates use, CancellationToken cancellationToken)
    {
        var (filter, errors) = ReviewFilterParser.Parse(request.Source, request.From, request.To, request.Category, request.Q);
        if (request.UpToJudgementId is null)
            errors["upToJudgementId"] = ["upToJudgementId is required: the maxJudgementId of the queue page the caller showed, so nothing newer is decided unseen."];
        if (!TryDecision(request.Decision, request.Grade, null, allowReassign: false, out var decision, out var decisionErrors))
            errors = errors.Concat(decisionErrors).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var (groups, _, _) = await queue.LoadAsync(filter, request.UpToJudgementId, 0, cancellationToken);
        var ids = groups.Where(g => g.Kind == ReviewGroupKind.Candidate).Select(g => g.Id).ToList();
        if (ids.Count == 0)
            return TypedResults.Ok(new DecisionResult(0, 0, null));
        return ToResult(await use.ExecuteAsync(ids, decision, request.UpToJudgementId, StaffUser.IdOf(user), cancellationToken));
    }

    internal static async Task<Results<Created<DecisionResult>, ValidationProblem, NotFound, ProblemHttpResult>> DraftAsync(
        long id, ClaimsPrincipal user, CreateDraftFromMiss use, CancellationToken cancellationToken)
    {
        var outcome = await use.ExecuteAsync(id, StaffUser.IdOf(user), cancellationToken);
        return outcome.Kind switch
        {
            ReviewOutcomeKind.Done => TypedResults.Created($"/console/faq/edit/{outcome.FaqId}", new DecisionResult(outcome.Groups, outcome.Rows, outcome.FaqId)),
            ReviewOutcomeKind.Invalid => TypedResults.ValidationProblem(outcome.Errors),
            ReviewOutcomeKind.NotFound => TypedResults.NotFound(),
            _ => AlreadyDecided(),
        };
    }

    internal static async Task<Results<Ok<DecisionResult>, ValidationProblem, NotFound, ProblemHttpResult>> MapMissAsync(
        long id, MissMappingRequest request, ClaimsPrincipal user, MapMissToFaq use, CancellationToken cancellationToken)
    {
        if (request.FaqId is not { } faqId)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["faqId"] = ["faqId is required: the FAQ the query should find."] });
        return ToResult(await use.ExecuteAsync(id, faqId, request.Grade ?? RankingJudgement.MaxGrade, StaffUser.IdOf(user), cancellationToken));
    }

    internal static Results<Ok<FaqMatches>, ValidationProblem> FindFaqs(string? q, ReviewFaqSearch search, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (q is { Length: > ReviewFilterParser.MaxText })
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = [$"q must be at most {ReviewFilterParser.MaxText} characters."] });
        return TypedResults.Ok(new FaqMatches([.. search.Find(q).Select(r => new FaqMatch(r.FaqId, r.Question, r.Snippet))]));
    }

    private static bool TryDecision(string? name, int? grade, Guid? faqId, bool allowReassign, out ReviewDecision decision, out Dictionary<string, string[]> errors)
    {
        errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        decision = ReviewDecision.Reject;
        switch (name)
        {
            case "accept" when grade is null or 1 or 2:
                decision = ReviewDecision.Accept(grade ?? RankingJudgement.MaxGrade);
                return true;
            case "accept":
                errors["grade"] = [$"An accepted candidate's grade must be 1 (relevant) or {RankingJudgement.MaxGrade} (answers the query)."];
                return false;
            case "reject":
                return true;
            case "reassign" when allowReassign && faqId is { } other:
                decision = ReviewDecision.Reassign(other, grade ?? RankingJudgement.MaxGrade);
                return true;
            case "reassign" when allowReassign:
                errors["faqId"] = ["faqId is required to reassign: the FAQ the query should find instead."];
                return false;
            default:
                errors["decision"] = [allowReassign ? "The decision must be 'accept', 'reject' or 'reassign'." : "The decision must be 'accept' or 'reject'."];
                return false;
        }
    }

    private static Results<Ok<DecisionResult>, ValidationProblem, NotFound, ProblemHttpResult> ToResult(ReviewOutcome outcome) => outcome.Kind switch
    {
        ReviewOutcomeKind.Done => TypedResults.Ok(new DecisionResult(outcome.Groups, outcome.Rows, outcome.FaqId)),
        ReviewOutcomeKind.Invalid => TypedResults.ValidationProblem(outcome.Errors),
        ReviewOutcomeKind.NotFound => TypedResults.NotFound(),
        _ => AlreadyDecided(),
    };

    private static ProblemHttpResult AlreadyDecided() => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Already decided",
        detail: "Another editor decided or handled this first; nothing was written. Reload the queue.");

    internal sealed record DecisionRequest(IReadOnlyList<long>? GroupIds, string? Decision, int? Grade, Guid? FaqId, long? UpToId);

    internal sealed record BulkRequest(string? Decision, int? Grade, string? Source, string? From, string? To, string? Category, string? Q, long? UpToJudgementId);

    internal sealed record MissMappingRequest(Guid? FaqId, int? Grade);

    internal sealed record DecisionResult(int Groups, int Rows, Guid? FaqId);

    internal sealed record FaqMatches(IReadOnlyList<FaqMatch> Faqs);

    internal sealed record FaqMatch(Guid FaqId, string Question, string Snippet);
}
