using System.Text.Encodings.Web;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Resources;
using ConversationHub.Faq.Search.Misses;
using ConversationHub.Faq.Search.Readings;
using ConversationHub.Faq.Search.Service;
using ConversationHub.Faq.Site;
using ConversationHub.Faq.Site.SearchPage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Faq.Pages;

/// <summary>
/// The public search page: the best FAQs for <c>?q=</c> with the query's words marked, filters by field and life
/// event (<c>&amp;c=</c>), and, when nothing is found, rephrasing tips and the chat and inquiry form.
/// </summary>
[AllowAnonymous]
internal sealed class SearchModel(
    FaqSearchService search, SearchMissLog misses, Search.Tally.FaqQuestionTally tally, Search.Terms.SearchTermTally terms, FaqDbContext db, HtmlEncoder encoder, IStringLocalizer<FaqStrings> strings, ReadingDictionary readings)
    : PageModel
{
    public const int PageSize = 20;

    // Filters count what a citizen could reach by narrowing: more than one page, fewer than the whole index.
    private const int FacetDepth = 100;

    private const int TitleQueryLength = 20;

    // More chips than this would fill a phone's screen before the first result; the rest fold away.
    public const int VisibleChips = 6;

    /// <summary>The cleaned query (control characters dropped, spaces collapsed); empty when none was given.</summary>
    public string Query { get; private set; } = "";

    public bool TooLong { get; private set; }

    public Guid? CategoryId { get; private set; }

    /// <summary>How many FAQs matched before any filter (up to the filters' depth).</summary>
    public int MatchCount { get; private set; }

    public IReadOnlyList<SearchResultView> Results { get; private set; } = [];

    public IReadOnlyList<CategoryChip> Chips { get; private set; } = [];

    /// <summary>True when something was found but none of it scores well: the page then offers chat and the form too.</summary>
    public bool LowConfidence { get; private set; }

    /// <summary>The query shortened for the title and heading, so a long question does not fill the tab.</summary>
    public string ShortQuery => Query.Length <= TitleQueryLength ? Query : string.Concat(Query.AsSpan(0, TitleQueryLength), "…");

    public async Task OnGetAsync(string? q, string? c, CancellationToken cancellationToken)
    {
        if (q is { Length: > SearchQueryText.MaxLength })
        {
            // The query is not echoed: it is long enough to be a pasted letter with personal details in it.
            TooLong = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Query = SearchQueryText.Clean(q);
        if (Query.Length == 0)
            return;
        CategoryId = Guid.TryParse(c, out var id) ? id : null;

        var all = search.Search(Query, FaqAudience.Public, null, FacetDepth);
        misses.RecordIfMiss(Query, all, SearchChannel.Site);
        tally.Record(SearchChannel.Site, all);
        terms.Record(Query, all.Count);
        LowConfidence = misses.Classify(all) == SearchMissKind.LowConfidence;
        MatchCount = all.Count;
        Chips = await ChipsAsync(all, cancellationToken);

        var highlighter = new SearchHighlighter(Query, encoder, search.SynonymPhrases(Query), readings);
        Results = [.. all
            .Where(r => CategoryId is not { } selected || search.CategoryIdsOf(r.FaqId).Contains(selected))
            .Take(PageSize)
            .Select(r => new SearchResultView(r.FaqId, FaqSlug.CanonicalPath(r.FaqId, r.Question), highlighter.Highlight(r.Question), highlighter.Highlight(r.Snippet)))];
    }

    private async Task<IReadOnlyList<CategoryChip>> ChipsAsync(IReadOnlyList<FaqSearchResult> all, CancellationToken cancellationToken)
    {
        var counts = all.SelectMany(r => search.CategoryIdsOf(r.FaqId)).CountBy(id => id).ToDictionary(p => p.Key, p => p.Value);
        if (counts.Count == 0)
            return [];
        var ids = counts.Keys.ToList();
        var categories = await db.Categories.AsNoTracking()
            .Where(x => ids.Contains(x.Id) && (x.Kind == FaqCategoryKind.Field || x.Kind == FaqCategoryKind.LifeEvent))
            .Select(x => new { x.Id, x.Name, x.Kind, x.SortOrder })
            .ToListAsync(cancellationToken);
        // A field and a life event may share a name (子育て); the life event's chip then says which it is.
        var shared = categories.GroupBy(x => x.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return [.. categories
            .OrderByDescending(x => counts[x.Id]).ThenBy(x => x.Kind).ThenBy(x => x.SortOrder)
            .Select(x => new CategoryChip(
                x.Id,
                x.Kind == FaqCategoryKind.LifeEvent && shared.Contains(x.Name) ? $"{x.Name}（{strings["Search_LifeEventSuffix"]}）" : x.Name,
                counts[x.Id],
                x.Id == CategoryId,
                SearchUrls.For(Query, x.Id)))];
    }
}
