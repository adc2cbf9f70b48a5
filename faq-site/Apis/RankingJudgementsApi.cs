using System.Security.Claims;
using ConversationHub.Core.Identity;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Ranking.Judgements;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Apis;

/// <summary>
/// What the ranker learns from. FAQ editors add query→FAQ mappings, review the candidates citizens' signals
/// produced (approve with a grade, or reject) and freeze snapshots for training; agents confirm that an FAQ
/// answered a citizen's question.
/// </summary>
internal static class RankingJudgementsApi
{
    public static IEndpointRouteBuilder MapRankingJudgementsApi(this IEndpointRouteBuilder endpoints)
    {
        var editors = endpoints.MapGroup("/api/faq/ranking").WithTags("Ranking judgements")
            .RequireAuthorization(policy => policy.RequireRole(HubRoles.FaqEditor, HubRoles.Administrator));
        editors.MapPost("/judgements", AddMappingAsync).WithName("AddRankingJudgement");
        editors.MapGet("/judgements/pending", PendingAsync).WithName("ListPendingRankingJudgements");
        editors.MapPost("/judgements/{id:long}/approve", ApproveAsync).WithName("ApproveRankingJudgement");
        editors.MapPost("/judgements/{id:long}/reject", RejectAsync).WithName("RejectRankingJudgement");
        editors.MapPost("/snapshots", SnapshotAsync).WithName("TakeJudgementSnapshot");

        endpoints.MapPost("/api/faq/ranking/confirmations", ConfirmAsync).WithTags("Ranking judgements").WithName("ConfirmFaqAnswer")
            .RequireAuthorization(policy => policy.RequireRole(HubRoles.Operator, HubRoles.Supervisor));
        return endpoints;
    }

    internal static async Task<Results<Created<JudgementItem>, ValidationProblem>> AddMappingAsync(
        MappingRequest request, ClaimsPrincipal user, RecordJudgement use, CancellationToken cancellationToken)
    {
        if (!JudgementSourceNames.TryParse(request.Source ?? "editor_mapping", out var source)
            || source is not (JudgementSource.EditorMapping or JudgementSource.EditorParaphrase))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["source"] = ["The source must be 'editor_mapping' or 'editor_paraphrase'."] });
        }

        var input = new JudgementInput(source, request.Query, request.FaqId, request.Grade ?? RankingJudgement.MaxGrade, StaffUserId: UserId(user));
        return Created(await use.ExecuteAsync(input, cancellationToken));
    }

    internal static async Task<Results<Created<JudgementItem>, ValidationProblem>> ConfirmAsync(
        ConfirmationRequest request, ClaimsPrincipal user, RecordJudgement use, CancellationToken cancellationToken) =>
        Created(await use.ExecuteAsync(
            new JudgementInput(JudgementSource.AgentConfirmed, request.Query, request.FaqId, RankingJudgement.MaxGrade, StaffUserId: UserId(user)), cancellationToken));

    /// <summary>Citizens' signals no editor has decided on yet, oldest first: what the ranker should learn next.</summary>
    internal static async Task<Ok<List<JudgementItem>>> PendingAsync(int? take, FaqDbContext db, CancellationToken cancellationToken)
    {
        var count = Math.Clamp(take ?? 50, 1, 500);
        var citizenSources = Enum.GetValues<JudgementSource>().Where(s => !JudgementLabels.IsStaff(s)).ToArray();
        var pending = await db.RankingJudgements.AsNoTracking()
            .Where(j => citizenSources.Contains(j.Source) && j.Grade > 0 && !db.RankingJudgements.Any(r => r.ReviewOfId == j.Id))
            .OrderBy(j => j.Id).Take(count).ToListAsync(cancellationToken);
        return TypedResults.Ok(pending.Select(JudgementItem.From).ToList());
    }

    internal static async Task<Results<Created<JudgementItem>, ValidationProblem, NotFound>> ApproveAsync(
        long id, ReviewRequest? request, ClaimsPrincipal user, FaqDbContext db, RecordJudgement use, CancellationToken cancellationToken) =>
        await ReviewAsync(id, request?.Grade ?? RankingJudgement.MaxGrade, user, db, use, cancellationToken);

    internal static async Task<Results<Created<JudgementItem>, ValidationProblem, NotFound>> RejectAsync(
        long id, ClaimsPrincipal user, FaqDbContext db, RecordJudgement use, CancellationToken cancellationToken) =>
        await ReviewAsync(id, 0, user, db, use, cancellationToken);

    internal static async Task<Created<SnapshotItem>> SnapshotAsync(ClaimsPrincipal user, FaqDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var snapshot = await JudgementSnapshots.TakeAsync(db, UserId(user), time.GetUtcNow().UtcDateTime, cancellationToken);
        return TypedResults.Created(
            $"/api/faq/ranking/snapshots/{snapshot.Id}",
            new SnapshotItem(snapshot.Id, snapshot.MaxJudgementId, snapshot.JudgementCount, snapshot.ContentHash, snapshot.CreatedAtUtc));
    }

    private static async Task<Results<Created<JudgementItem>, ValidationProblem, NotFound>> ReviewAsync(
        long id, int grade, ClaimsPrincipal user, FaqDbContext db, RecordJudgement use, CancellationToken cancellationToken)
    {
        var candidate = await db.RankingJudgements.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, cancellationToken);
        if (candidate is null)
            return TypedResults.NotFound();
        // The decision restates the candidate's query and FAQ, so the candidate can be left out once reviewed.
        var input = new JudgementInput(JudgementSource.EditorMapping, candidate.Query, candidate.FaqId, grade, StaffUserId: UserId(user), ReviewOfId: id);
        var result = await use.ExecuteAsync(input, cancellationToken);
        return result.Judgement is { } stored
            ? TypedResults.Created($"/api/faq/ranking/judgements/{stored.Id}", JudgementItem.From(stored))
            : TypedResults.ValidationProblem(result.Errors);
    }

    private static Results<Created<JudgementItem>, ValidationProblem> Created(JudgementResult result) =>
        result.Judgement is { } stored
            ? TypedResults.Created($"/api/faq/ranking/judgements/{stored.Id}", JudgementItem.From(stored))
            : TypedResults.ValidationProblem(result.Errors);

    private static Guid? UserId(ClaimsPrincipal user) => Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    internal sealed record MappingRequest(string? Query, Guid FaqId, int? Grade, string? Source);

    internal sealed record ConfirmationRequest(string? Query, Guid FaqId);

    internal sealed record ReviewRequest(int? Grade);

    internal sealed record SnapshotItem(long Id, long MaxJudgementId, int JudgementCount, string ContentHash, DateTime CreatedAtUtc);

    internal sealed record JudgementItem(
        long Id, string Source, string Query, Guid FaqId, int Grade, int? Position, Guid? StaffUserId, long? ReviewOfId, DateTime CreatedAtUtc)
    {
        public static JudgementItem From(RankingJudgement j) =>
            new(j.Id, JudgementSourceNames.ToStored(j.Source), j.Query, j.FaqId, j.Grade, j.Position, j.StaffUserId, j.ReviewOfId, j.CreatedAtUtc);
    }
}
