using System.Globalization;
using ConversationHub.Faq.Editor;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Ranking.Judgements;
using ConversationHub.Faq.Ranking.Review;
using ConversationHub.Faq.Resources;
using ConversationHub.Faq.Search.Service;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Faq.Pages.Console.Faq.Ranking;

/// <summary>
/// 判定の確認: the review queue of the retraining console. Plain forms throughout (no script needed): each group is
/// accepted, rejected or reassigned with its own form; 「別のFAQに付け替える」 opens a search box in the row (a GET, so
/// the results survive a reload); bulk decisions go through a confirmation that states the count. Every form
/// carries the filter, so the editor comes back to the same view, and the newest judgement id the view read, so
/// rows that arrived later are never decided unseen.
/// </summary>
[Authorize(Roles = FaqEditorRoles.EditorsAndAdministrators)]
internal sealed class IndexModel(
    ReviewQueue queue, DecideCandidates decide, CreateDraftFromMiss draft, MapMissToFaq mapMiss, ReviewFaqSearch search, FaqDbContext db,
    IStringLocalizer<FaqEditorStrings> strings) : PageModel
{
    private static readonly Dictionary<string, string> ControlIds = new(StringComparer.Ordinal)
    {
        ["source"] = "source", ["from"] = "from", ["to"] = "to", ["category"] = "category", ["q"] = "q", ["groupIds"] = "bulk-scope", ["tooMany"] = "bulk-scope",
    };

    [BindProperty(SupportsGet = true)]
    public string? Source { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The group whose 「付け替える」 search box is open (<see cref="ReviewGroup.Key"/>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Reassign { get; set; }

    /// <summary>What the editor searched for in that box.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Find { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Count { get; set; }

    /// <summary>The draft just written from a search miss, linked from the status message.</summary>
    [BindProperty(SupportsGet = true, Name = "faq")]
    public Guid? DraftId { get; set; }

    public ReviewQueuePage Queue { get; private set; } = new([], 0, 1, ReviewQueue.PageSize, new Dictionary<string, int>(), 0, 0);

    public IReadOnlyList<FaqCategory> Categories { get; private set; } = [];

    public IReadOnlyList<FaqSearchResult> FindResults { get; private set; } = [];

    public FormErrors Errors { get; } = new(ControlIds);

    /// <summary>A message that is not about one field: someone else decided first.</summary>
    public string? Conflict { get; private set; }

    /// <summary>Set while the bulk confirmation is shown.</summary>
    public BulkConfirmation? Confirm { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAcceptAsync(long id, int? grade, long? upTo, CancellationToken cancellationToken) =>
        await DecidedAsync(await decide.ExecuteAsync([id], ReviewDecision.Accept(grade ?? RankingJudgement.MaxGrade), upTo, StaffUser.IdOf(User), cancellationToken), "accepted", cancellationToken);

    public async Task<IActionResult> OnPostRejectAsync(long id, long? upTo, CancellationToken cancellationToken) =>
        await DecidedAsync(await decide.ExecuteAsync([id], ReviewDecision.Reject, upTo, StaffUser.IdOf(User), cancellationToken), "rejected", cancellationToken);

    public async Task<IActionResult> OnPostReassignAsync(long id, Guid? faqId, int? grade, long? upTo, CancellationToken cancellationToken)
    {
        if (faqId is not { } other)
            return await DecidedAsync(ReviewOutcome.Invalid("faqId", "required"), "reassigned", cancellationToken);
        var decision = ReviewDecision.Reassign(other, grade ?? RankingJudgement.MaxGrade);
        return await DecidedAsync(await decide.ExecuteAsync([id], decision, upTo, StaffUser.IdOf(User), cancellationToken), "reassigned", cancellationToken);
    }

    public async Task<IActionResult> OnPostDraftAsync(long id, CancellationToken cancellationToken) =>
        await DecidedAsync(await draft.ExecuteAsync(id, StaffUser.IdOf(User), cancellationToken), "drafted", cancellationToken);

    public async Task<IActionResult> OnPostMapMissAsync(long id, Guid? faqId, int? grade, CancellationToken cancellationToken)
    {
        if (faqId is not { } target)
            return await DecidedAsync(ReviewOutcome.Invalid("faqId", "required"), "mapped", cancellationToken);
        return await DecidedAsync(await mapMiss.ExecuteAsync(id, target, grade ?? RankingJudgement.MaxGrade, StaffUser.IdOf(User), cancellationToken), "mapped", cancellationToken);
    }

    /// <param name="scope"><c>selected</c>: the ticked rows; <c>filtered</c>: every candidate group of the filter.</param>
    /// <param name="decision"><c>accept2</c>, <c>accept1</c> or <c>reject</c>.</param>
    /// <param name="confirmed">False: show what would be decided and ask; true: decide.</param>
    public async Task<IActionResult> OnPostBulkAsync(string? scope, string? decision, long[]? selected, long? upTo, bool confirmed, CancellationToken cancellationToken)
    {
        decision = decision is "accept1" or "reject" ? decision : "accept2";
        var chosen = decision switch
        {
            "accept1" => ReviewDecision.Accept(1),
            "reject" => ReviewDecision.Reject,
            _ => ReviewDecision.Accept(),
        };
        var (filter, _) = ParseFilter();
        var (groups, seenUpTo, _) = await queue.LoadAsync(filter, upTo, 0, cancellationToken);
        var candidates = groups.Where(g => g.Kind == ReviewGroupKind.Candidate);
        var ids = scope == "filtered" ? candidates.Select(g => g.Id).ToList() : [.. candidates.Select(g => g.Id).Intersect(selected ?? [])];
        if (ids.Count == 0)
            return await DecidedAsync(ReviewOutcome.Invalid("groupIds", "none"), "bulk", cancellationToken);
        if (ids.Count > DecideCandidates.MaxGroups)
            return await DecidedAsync(ReviewOutcome.Invalid("tooMany", "too many"), "bulk", cancellationToken);
        if (!confirmed)
        {
            var rows = groups.Where(g => ids.Contains(g.Id)).Sum(g => g.Count);
            Confirm = new BulkConfirmation(scope == "filtered" ? "filtered" : "selected", decision, [.. ids], ids.Count, rows, seenUpTo);
            await LoadAsync(cancellationToken);
            return Page();
        }

        return await DecidedAsync(await decide.ExecuteAsync(ids, chosen, seenUpTo, StaffUser.IdOf(User), cancellationToken), decision == "reject" ? "rejected" : "accepted", cancellationToken);
    }

    /// <summary>The list with the current filter, for links and redirects.</summary>
    /// <param name="source">Another source than the current one (the counts per source link to it); null keeps the current.</param>
    public string ListUrl(int? page = null, string? reassign = null, string? done = null, int? count = null, Guid? faq = null, string? source = null)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
                parts.Add(name + "=" + Uri.EscapeDataString(value));
        }

        Add("source", source ?? Source);
        Add("from", From);
        Add("to", To);
        Add("category", Category);
        Add("q", Q);
        Add("p", (page ?? PageNumber) > 1 ? (page ?? PageNumber).ToString(CultureInfo.InvariantCulture) : null);
        Add("reassign", reassign);
        Add("done", done);
        Add("count", count?.ToString(CultureInfo.InvariantCulture));
        Add("faq", faq?.ToString());
        return "/console/faq/ranking" + (parts.Count == 0 ? "" : "?" + string.Join('&', parts));
    }

    private async Task<IActionResult> DecidedAsync(ReviewOutcome outcome, string done, CancellationToken cancellationToken)
    {
        if (outcome.Kind == ReviewOutcomeKind.Done)
            return Redirect(ListUrl(done: done, count: outcome.Rows, faq: done == "drafted" ? outcome.FaqId : null));

        switch (outcome.Kind)
        {
            case ReviewOutcomeKind.Invalid:
                Errors.AddRange(outcome.Errors.ToDictionary(e => e.Key, e => Japanese(e.Key, e.Value), StringComparer.Ordinal));
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
            case ReviewOutcomeKind.NotFound:
                Conflict = strings["Review_NotFound"];
                Response.StatusCode = StatusCodes.Status404NotFound;
                break;
            default:
                Conflict = strings["Review_AlreadyDecided"];
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    // The use cases speak English to API callers; the page says the same in Japanese (SaveFaq's messages already are).
    private string[] Japanese(string key, string[] messages)
    {
        var text = strings["Review_Error_" + key];
        return text.ResourceNotFound ? messages : [text.Value];
    }

    private (ReviewFilter Filter, Dictionary<string, string[]> Errors) ParseFilter()
    {
        var (filter, errors) = ReviewFilterParser.Parse(Source, From, To, Category, Q);
        return (errors.Count == 0 ? filter : ReviewFilter.None, errors);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var (filter, errors) = ParseFilter();
        Errors.AddRange(errors.ToDictionary(e => e.Key, e => Japanese(e.Key, e.Value), StringComparer.Ordinal));
        Queue = await queue.PageAsync(filter, PageNumber, cancellationToken);
        PageNumber = Queue.Page;
        Categories = await db.Categories.AsNoTracking().Where(c => c.Kind != FaqCategoryKind.Keyword)
            .OrderBy(c => c.Kind).ThenBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(Reassign) && !string.IsNullOrWhiteSpace(Find))
            FindResults = search.Find(Find.Length <= ReviewFilterParser.MaxText ? Find : Find[..ReviewFilterParser.MaxText]);
    }

    /// <summary>What the bulk confirmation states and posts again with <c>confirmed=true</c>.</summary>
    internal sealed record BulkConfirmation(string Scope, string Decision, IReadOnlyList<long> Ids, int Groups, int Rows, long UpTo);
}
