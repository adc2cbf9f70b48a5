using System.Security.Claims;
using ConversationHub.Core.Identity;
using ConversationHub.Faq.Editor;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.KnowledgeBase.Editing;
using ConversationHub.Faq.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Apis;

/// <summary>
/// The knowledge base for FAQ editors: read any FAQ with its revision, create, change, publish, archive. Department
/// staff use the same endpoints for their department's FAQs only (<see cref="FaqEditorActor"/>): another department's
/// FAQ, or publishing, answers 403.
/// </summary>
internal static class FaqEditorApi
{
    public static IEndpointRouteBuilder MapFaqEditorApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/faq/faqs").WithTags("FAQ editing")
            .RequireAuthorization(policy => policy.RequireRole(HubRoles.FaqEditor, HubRoles.Administrator, HubRoles.DepartmentStaff));
        group.MapGet("/{id:guid}", GetAsync).WithName("GetFaqForEditing");
        group.MapGet("/{id:guid}/revisions", RevisionsAsync).WithName("GetFaqRevisions");
        group.MapPost("/", CreateAsync).WithName("CreateFaq");
        group.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateFaq");
        group.MapPost("/{id:guid}/publish", (Guid id, StatusChange change, ClaimsPrincipal user, FaqEditorActors actors, ChangeFaqStatus use, CancellationToken ct) => ChangeStatusAsync(id, FaqStatus.Published, change, user, actors, use, ct)).WithName("PublishFaq");
        group.MapPost("/{id:guid}/archive", (Guid id, StatusChange change, ClaimsPrincipal user, FaqEditorActors actors, ChangeFaqStatus use, CancellationToken ct) => ChangeStatusAsync(id, FaqStatus.Archived, change, user, actors, use, ct)).WithName("ArchiveFaq");
        return endpoints;
    }

    internal static async Task<Results<Ok<EditorFaq>, NotFound>> GetAsync(Guid id, FaqDbContext db, CancellationToken cancellationToken)
    {
        var faq = await FaqEditing.LoadAsync(db, id, cancellationToken);
        if (faq is null)
        {
            return TypedResults.NotFound();
        }

        var revision = await FaqEditing.LatestRevisionAsync(db, id, cancellationToken);
        return TypedResults.Ok(new EditorFaq(
            faq.Id, faq.Question, [.. faq.Paraphrases.Select(p => p.Text)], faq.AnswerMarkdown, faq.Visibility.ToString(), faq.Status.ToString(),
            [.. faq.Categories.Where(c => c.Kind == FaqCategoryKind.LifeEvent).Select(c => c.Name)],
            [.. faq.Categories.Where(c => c.Kind == FaqCategoryKind.Field).Select(c => c.Name)],
            [.. faq.Categories.Where(c => c.Kind == FaqCategoryKind.Keyword).Select(c => c.Name)],
            [.. faq.Owners.Select(o => o.DepartmentId)], faq.PublishFromUtc, faq.PublishUntilUtc, faq.UpdatedAtUtc, revision));
    }

    internal static async Task<Ok<List<RevisionItem>>> RevisionsAsync(Guid id, FaqDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Revisions.AsNoTracking().Where(r => r.FaqId == id).OrderByDescending(r => r.Number)
            .Select(r => new RevisionItem(r.Number, r.CreatedAtUtc, r.EditorUserId, r.ChangeNote, r.SnapshotJson)).ToListAsync(cancellationToken));

    internal static async Task<Results<Created<SavedFaq>, ValidationProblem>> CreateAsync(
        FaqEdit edit, ClaimsPrincipal user, FaqEditorActors actors, SaveFaq use, CancellationToken cancellationToken)
    {
        var result = await use.ExecuteAsync(null, edit, await actors.OfAsync(user, cancellationToken), cancellationToken);
        return result.Outcome == FaqEditOutcome.Saved
            ? TypedResults.Created($"/api/faq/faqs/{result.FaqId}", new SavedFaq(result.FaqId, result.Revision))
            : TypedResults.ValidationProblem(result.Errors);
    }

    internal static async Task<Results<Ok<SavedFaq>, ValidationProblem, NotFound, Conflict<SavedFaq>, ProblemHttpResult>> UpdateAsync(
        Guid id, FaqEdit edit, ClaimsPrincipal user, FaqEditorActors actors, SaveFaq use, CancellationToken cancellationToken) =>
        ToResult(await use.ExecuteAsync(id, edit, await actors.OfAsync(user, cancellationToken), cancellationToken));

    internal static async Task<Results<Ok<SavedFaq>, ValidationProblem, NotFound, Conflict<SavedFaq>, ProblemHttpResult>> ChangeStatusAsync(
        Guid id, FaqStatus status, StatusChange change, ClaimsPrincipal user, FaqEditorActors actors, ChangeFaqStatus use, CancellationToken cancellationToken) =>
        ToResult(await use.ExecuteAsync(id, status, change.ExpectedRevision, await actors.OfAsync(user, cancellationToken), cancellationToken));

    private static Results<Ok<SavedFaq>, ValidationProblem, NotFound, Conflict<SavedFaq>, ProblemHttpResult> ToResult(FaqEditResult result) => result.Outcome switch
    {
        FaqEditOutcome.Saved => TypedResults.Ok(new SavedFaq(result.FaqId, result.Revision)),
        FaqEditOutcome.NotFound => TypedResults.NotFound(),
        FaqEditOutcome.Conflict => TypedResults.Conflict(new SavedFaq(result.FaqId, result.Revision)),
        FaqEditOutcome.Forbidden => TypedResults.Problem(
            "Department staff may change only FAQs their department owns, and may not publish; FAQ editors publish.",
            statusCode: StatusCodes.Status403Forbidden, title: "Not your department's FAQ"),
        _ => TypedResults.ValidationProblem(result.Errors),
    };

    internal sealed record StatusChange(int ExpectedRevision);

    internal sealed record SavedFaq(Guid Id, int Revision);

    internal sealed record RevisionItem(int Number, DateTime CreatedAtUtc, Guid? EditorUserId, string? ChangeNote, string Snapshot);

    internal sealed record EditorFaq(
        Guid Id, string Question, IReadOnlyList<string> Paraphrases, string AnswerMarkdown, string Visibility, string Status,
        IReadOnlyList<string> LifeEvents, IReadOnlyList<string> Fields, IReadOnlyList<string> Keywords, IReadOnlyList<Guid> DepartmentIds,
        DateTime? PublishFromUtc, DateTime? PublishUntilUtc, DateTime UpdatedAtUtc, int Revision);
}
