using ConversationHub.Faq.Editor;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.KnowledgeBase.Editing;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Site;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConversationHub.Faq.Pages.Console.Faq;

/// <summary>One old revision as it was, with a button that restores it as a new revision.</summary>
[Authorize(Roles = FaqEditorRoles.EditorsAdministratorsAndDepartments)]
internal sealed class RevisionModel(FaqDbContext db, RevisionHistory history, RestoreFaqRevision restore, StaffDirectory staff, FaqEditorActors actors) : PageModel
{
    public Guid FaqId { get; private set; }

    public int Number { get; private set; }

    public int CurrentRevision { get; private set; }

    public FaqRevisionSnapshot Snapshot { get; private set; } = null!;

    public string AnswerHtml { get; private set; } = "";

    public IReadOnlyDictionary<Guid, string> DepartmentNames { get; private set; } = new Dictionary<Guid, string>();

    public ConflictInfo? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int number, CancellationToken cancellationToken) =>
        !await actors.MayEditAsync(User, id, cancellationToken) ? Forbid() : await LoadAsync(id, number, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, int number, int expectedRevision, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, number, cancellationToken))
        {
            return NotFound();
        }

        var result = await restore.ExecuteAsync(id, number, expectedRevision, await actors.OfAsync(User, cancellationToken), cancellationToken);
        if (result.Outcome == FaqEditOutcome.Forbidden)
        {
            return Forbid();
        }

        if (result.Outcome == FaqEditOutcome.Saved)
        {
            return Redirect($"/console/faq/edit/{id}?done=restored");
        }

        if (result.Outcome == FaqEditOutcome.Conflict)
        {
            Conflict = await ConflictInfo.LoadAsync(db, staff, id, result.Revision, cancellationToken);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        // Old content that today's rules refuse (a link scheme no longer allowed): say so rather than save half.
        Response.StatusCode = StatusCodes.Status400BadRequest;
        ModelState.AddModelError("", string.Join(" ", result.Errors.Values.SelectMany(m => m)));
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, int number, CancellationToken cancellationToken)
    {
        if (await history.FindAsync(id, number, cancellationToken) is not { } snapshot)
        {
            return false;
        }

        (FaqId, Number, Snapshot) = (id, number, snapshot);
        AnswerHtml = FaqMarkdown.ToHtml(snapshot.AnswerMarkdown);
        CurrentRevision = await FaqEditing.LatestRevisionAsync(db, id, cancellationToken);
        DepartmentNames = (await staff.DepartmentsAsync(cancellationToken)).ToDictionary(d => d.Id, d => d.Name);
        return true;
    }
}
