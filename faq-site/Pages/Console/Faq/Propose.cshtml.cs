using ConversationHub.Core.Identity;
using ConversationHub.Faq.Editor;
using ConversationHub.Faq.KnowledgeBase.Proposals;
using ConversationHub.Faq.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Pages.Console.Faq;

/// <summary>
/// Proposes a change to one FAQ, reached from the FAQ's public page by signed-in staff (source 「FAQページ」), or a
/// new FAQ without one (source 「コンソール」). A form of its own, so it works without JavaScript; the chat console
/// and the case page post to the API instead.
/// </summary>
[Authorize(Roles = HubRoles.Operator + "," + HubRoles.Supervisor + "," + HubRoles.DepartmentStaff + "," + FaqEditorRoles.EditorsAndAdministrators)]
internal sealed class ProposeModel(FaqDbContext db, SubmitFaqProposal submit) : PageModel
{
    private static readonly Dictionary<string, string> ControlIds = new(StringComparer.Ordinal)
    {
        ["question"] = "question",
        ["answer"] = "answer",
        ["citizenQuestion"] = "citizen-question",
        ["faqId"] = "question",
        ["source"] = "question",
    };

    [BindProperty(SupportsGet = true)]
    public Guid? FaqId { get; set; }

    [BindProperty]
    public string? Question { get; set; }

    [BindProperty]
    public string? Answer { get; set; }

    [BindProperty]
    public string? CitizenQuestion { get; set; }

    /// <summary>The FAQ's question today, shown as what the proposal changes.</summary>
    public string? CurrentQuestion { get; private set; }

    public FormErrors Errors { get; } = new(ControlIds);

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool done, CancellationToken cancellationToken)
    {
        Done = done;
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Question ??= CurrentQuestion;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || StaffUser.IdOf(User) is not { } proposer)
        {
            return NotFound();
        }

        var source = FaqId is null ? "console" : "faqpage";
        var (id, errors) = await submit.ExecuteAsync(new FaqProposalInput(FaqId, Question, Answer, CitizenQuestion, source, null, null), proposer, cancellationToken);
        if (id is null)
        {
            Errors.AddRange(errors);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // Post/redirect/get: a reload does not propose twice.
        return Redirect($"/console/faq/propose?done=true{(FaqId is { } faqId ? "&faqId=" + faqId : "")}");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (FaqId is not { } faqId)
        {
            return true;
        }

        CurrentQuestion = await db.Faqs.AsNoTracking().Where(f => f.Id == faqId).Select(f => f.Question).FirstOrDefaultAsync(cancellationToken);
        return CurrentQuestion is not null;
    }
}
