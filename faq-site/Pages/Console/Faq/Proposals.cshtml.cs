using System.Globalization;
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
/// The editors' queue of FAQ proposals (FAQ 提案): filter by status, source and date; accept into a draft (or the
/// named FAQ's next revision) or reject with a reason; and the counts per day and month.
/// </summary>
[Authorize(Roles = FaqEditorRoles.EditorsAndAdministrators)]
internal sealed class ProposalsModel(FaqProposalQueue queue, AcceptFaqProposal accept, RejectFaqProposal reject, FaqDbContext db, StaffDirectory staff) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; } = "new";

    [BindProperty(SupportsGet = true)]
    public string? Source { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public IReadOnlyList<FaqProposal> Items { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyDictionary<Guid, string> FaqQuestions { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>The proposals' FAQs that are published now: accepting a change to one puts it online at once.</summary>
    public IReadOnlySet<Guid> PublishedFaqs { get; private set; } = new HashSet<Guid>();

    public FaqProposalCounts Counts { get; private set; } = new([], []);

    /// <summary>The proposal whose form failed, with its messages (shown next to that proposal).</summary>
    public Guid? ErrorFor { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAcceptAsync(Guid id, string? question, string? answer, CancellationToken cancellationToken)
    {
        var decision = await accept.ExecuteAsync(id, question, answer, StaffUser.IdOf(User), cancellationToken);
        return decision.Outcome == FaqProposalDecisionOutcome.Done
            ? Redirect($"/console/faq/edit/{decision.FaqId}?done=proposal")
            : await FailedAsync(id, decision, cancellationToken);
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid id, string? reason, CancellationToken cancellationToken)
    {
        var decision = await reject.ExecuteAsync(id, reason, StaffUser.IdOf(User), cancellationToken);
        return decision.Outcome == FaqProposalDecisionOutcome.Done
            ? Redirect("/console/faq/proposals?done=rejected")
            : await FailedAsync(id, decision, cancellationToken);
    }

    private async Task<IActionResult> FailedAsync(Guid id, FaqProposalDecision decision, CancellationToken cancellationToken)
    {
        if (decision.Outcome == FaqProposalDecisionOutcome.NotFound)
        {
            return NotFound();
        }

        (ErrorFor, Errors, Status) = (id, decision.Outcome == FaqProposalDecisionOutcome.AlreadyDecided
            ? ["この提案はほかの職員がすでに処理しました。"]
            : [.. decision.Errors.Values.SelectMany(m => m)], null);
        Response.StatusCode = decision.Outcome == FaqProposalDecisionOutcome.AlreadyDecided ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var status = Enum.TryParse<FaqProposalStatus>(Status, ignoreCase: true, out var s) && !int.TryParse(Status, out _) ? s : (FaqProposalStatus?)null;
        Items = await queue.ListAsync(status, FaqProposalSources.TryParse(Source), ParseDay(From), ParseDay(To), cancellationToken);
        Names = await staff.NamesAsync(Items.SelectMany(p => new[] { (Guid?)p.ProposedByUserId, p.DecidedByUserId }), cancellationToken);
        var faqIds = Items.Select(p => p.FaqId).OfType<Guid>().Distinct().ToList();
        FaqQuestions = await db.Faqs.AsNoTracking().Where(f => faqIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Question, cancellationToken);
        PublishedFaqs = (await db.Faqs.AsNoTracking().Where(f => faqIds.Contains(f.Id) && f.Status == KnowledgeBase.Domain.FaqStatus.Published).Select(f => f.Id).ToListAsync(cancellationToken)).ToHashSet();
        Counts = await queue.CountAsync(cancellationToken);
    }

    private static DateOnly? ParseDay(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
