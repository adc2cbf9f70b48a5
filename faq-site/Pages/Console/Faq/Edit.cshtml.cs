using ConversationHub.Faq.Editor;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.KnowledgeBase.Editing;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Site;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Pages.Console.Faq;

/// <summary>
/// Creates or edits an FAQ. Works without JavaScript: adding or removing a row, and the preview, are form
/// submissions that re-show the form and save nothing. A save from a stale revision is refused and shown.
/// </summary>
[Authorize(Roles = FaqEditorRoles.EditorsAdministratorsAndDepartments)]
internal sealed class EditModel(FaqDbContext db, SaveFaq save, StaffDirectory staff, FaqEditorActors actors) : PageModel
{
    private static readonly Dictionary<string, string> ControlIds = new(StringComparer.Ordinal)
    {
        ["question"] = "question",
        ["answerMarkdown"] = "answer",
        ["paraphrases"] = "paraphrases",
        ["relatedLinks"] = "links",
        ["categories"] = "life-events",
        ["publishFromUtc"] = "publish-from",
        ["publishUntilUtc"] = "publish-until",
        ["status"] = "question",
        ["departmentIds"] = "departments",
    };

    [BindProperty]
    public FaqEditorForm Form { get; set; } = new();

    public Guid? FaqId { get; private set; }

    public FaqStatus? Status { get; private set; }

    public int CurrentRevision { get; private set; }

    public FormErrors Errors { get; } = new(ControlIds);

    /// <summary>Set when a save was refused because someone else saved first.</summary>
    public ConflictInfo? Conflict { get; private set; }

    public string? PreviewHtml { get; private set; }

    /// <summary>A one-line confirmation after a redirect (saved, published, restored…).</summary>
    public string? Done { get; private set; }

    public IReadOnlyList<DepartmentChoice> Departments { get; private set; } = [];

    /// <summary>The signed-in staff member's rights here: department staff do not see 公開.</summary>
    public FaqEditorActor Actor { get; private set; } = FaqEditorActor.Editor(null);

    public async Task<IActionResult> OnGetAsync(Guid? id, string? question, string? done, CancellationToken cancellationToken)
    {
        Actor = await actors.OfAsync(User, cancellationToken);
        if (id is { } faqId)
        {
            var faq = await FaqEditing.LoadAsync(db, faqId, cancellationToken);
            if (faq is null)
            {
                return NotFound();
            }

            Form = FaqEditorForm.From(faq, await FaqEditing.LatestRevisionAsync(db, faqId, cancellationToken));
        }
        else
        {
            Form = new FaqEditorForm { Question = question?.Trim() };
            if (Actor.DepartmentId is { } own)
            {
                // Department staff write for their own department: preselect it, as saving requires it.
                Form.DepartmentIds.Add(own);
            }
        }

        Done = done;
        return await ShowAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var edit = Form.ToEdit(errors);
        if (errors.Count > 0)
        {
            Errors.AddRange(errors);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await ShowAsync(id, cancellationToken);
        }

        var result = await save.ExecuteAsync(id, edit, await actors.OfAsync(User, cancellationToken), cancellationToken);
        switch (result.Outcome)
        {
            case FaqEditOutcome.Forbidden:
                return Forbid();
            case FaqEditOutcome.Saved:
                // Post/redirect/get: a reload does not save twice.
                return Redirect($"/console/faq/edit/{result.FaqId}?done=saved");
            case FaqEditOutcome.NotFound:
                return NotFound();
            case FaqEditOutcome.Conflict:
                Conflict = await ConflictInfo.LoadAsync(db, staff, result.FaqId, result.Revision, cancellationToken);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return await ShowAsync(id, cancellationToken);
            default:
                Errors.AddRange(result.Errors);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return await ShowAsync(id, cancellationToken);
        }
    }

    public Task<IActionResult> OnPostPreviewAsync(Guid? id, CancellationToken cancellationToken)
    {
        PreviewHtml = FaqMarkdown.ToHtml(Form.AnswerMarkdown ?? "");
        return ShowAsync(id, cancellationToken);
    }

    public Task<IActionResult> OnPostAddParaphraseAsync(Guid? id, CancellationToken cancellationToken)
    {
        Form.Paraphrases.Add("");
        return ShowAsync(id, cancellationToken);
    }

    public Task<IActionResult> OnPostRemoveParaphraseAsync(Guid? id, int index, CancellationToken cancellationToken)
    {
        if (index >= 0 && index < Form.Paraphrases.Count)
        {
            Form.Paraphrases.RemoveAt(index);
        }

        return ShowAsync(id, cancellationToken);
    }

    public Task<IActionResult> OnPostAddLinkAsync(Guid? id, CancellationToken cancellationToken)
    {
        Form.Links.Add(new FaqEditorForm.LinkRow());
        return ShowAsync(id, cancellationToken);
    }

    public Task<IActionResult> OnPostRemoveLinkAsync(Guid? id, int index, CancellationToken cancellationToken)
    {
        if (index >= 0 && index < Form.Links.Count)
        {
            Form.Links.RemoveAt(index);
        }

        return ShowAsync(id, cancellationToken);
    }

    /// <summary>The form's action for a row or preview button (same page, another handler).</summary>
    public string ActionFor(string? handler, int? index = null) =>
        $"/console/faq/edit{(FaqId is { } id ? "/" + id : "")}{(handler is null ? "" : "?handler=" + handler)}{(index is { } i ? "&index=" + i : "")}";

    private async Task<IActionResult> ShowAsync(Guid? id, CancellationToken cancellationToken)
    {
        FaqId = id;
        Actor = await actors.OfAsync(User, cancellationToken);
        if (id is { } faqId)
        {
            if (!await actors.MayEditAsync(Actor, faqId, cancellationToken))
            {
                return Forbid();
            }

            Status = await db.Faqs.Where(f => f.Id == faqId).Select(f => (FaqStatus?)f.Status).FirstOrDefaultAsync(cancellationToken);
            if (Status is null)
            {
                return NotFound();
            }

            CurrentRevision = await FaqEditing.LatestRevisionAsync(db, faqId, cancellationToken);
        }

        Departments = await staff.DepartmentsAsync(cancellationToken);
        return Page();
    }
}
