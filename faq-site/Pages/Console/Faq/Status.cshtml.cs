using ConversationHub.Faq.Editor;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.KnowledgeBase.Editing;
using ConversationHub.Faq.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Pages.Console.Faq;

/// <summary>
/// Publish, unpublish or archive, confirmed on a page of its own: the GET asks, only the POST changes, so the
/// confirmation works with the keyboard, a screen reader and without JavaScript.
/// </summary>
[Authorize(Roles = FaqEditorRoles.EditorsAdministratorsAndDepartments)]
internal sealed class StatusModel(FaqDbContext db, ChangeFaqStatus changeStatus, StaffDirectory staff, FaqEditorActors actors) : PageModel
{
    private static readonly Dictionary<string, FaqStatus> Targets = new(StringComparer.Ordinal)
    {
        ["publish"] = FaqStatus.Published,
        ["unpublish"] = FaqStatus.Draft,
        ["archive"] = FaqStatus.Archived,
    };

    public Guid FaqId { get; private set; }

    public string Change { get; private set; } = "";

    public string Question { get; private set; } = "";

    public FaqStatus Status { get; private set; }

    public int CurrentRevision { get; private set; }

    public string? Error { get; private set; }

    public ConflictInfo? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string change, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, change, cancellationToken))
        {
            return NotFound();
        }

        var actor = await actors.OfAsync(User, cancellationToken);
        return await actors.MayEditAsync(actor, id, cancellationToken) && actor.MayMove(Status, Targets[Change]) ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string change, int expectedRevision, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, change, cancellationToken))
        {
            return NotFound();
        }

        var result = await changeStatus.ExecuteAsync(id, Targets[Change], expectedRevision, await actors.OfAsync(User, cancellationToken), cancellationToken);
        switch (result.Outcome)
        {
            case FaqEditOutcome.Forbidden:
                return Forbid();
            case FaqEditOutcome.Saved:
                return Redirect($"/console/faq/edit/{id}?done={Change}");
            case FaqEditOutcome.Conflict:
                Conflict = await ConflictInfo.LoadAsync(db, staff, id, result.Revision, cancellationToken);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            case FaqEditOutcome.NotFound:
                return NotFound();
            default:
                Error = string.Join(" ", result.Errors.Values.SelectMany(m => m));
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid id, string change, CancellationToken cancellationToken)
    {
        if (!Targets.ContainsKey(change))
        {
            return false;
        }

        var faq = await db.Faqs.AsNoTracking().Where(f => f.Id == id).Select(f => new { f.Question, f.Status }).FirstOrDefaultAsync(cancellationToken);
        if (faq is null)
        {
            return false;
        }

        (FaqId, Change, Question, Status) = (id, change, faq.Question, faq.Status);
        CurrentRevision = await FaqEditing.LatestRevisionAsync(db, id, cancellationToken);
        return true;
    }
}
