using ConversationHub.Core.Persistence;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Site;
using ConversationHub.Faq.Site.Analytics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Pages;

/// <summary>The public FAQ site's home: search box, access ranking, categories, departments and recent FAQs.</summary>
[AllowAnonymous]
internal sealed class IndexModel(FaqDbContext db, HubDbContext hub, FaqPopularity popularity, TimeProvider time) : PageModel
{
    public sealed record CategoryTile(Guid Id, string Name, int Count);

    public const int RankingSize = 10;

    public sealed record FaqLink(Guid Id, string Question)
    {
        public string Url => FaqSlug.CanonicalPath(Id, Question);
    }

    public IReadOnlyList<CategoryTile> Fields { get; private set; } = [];

    public IReadOnlyList<CategoryTile> LifeEvents { get; private set; } = [];

    public IReadOnlyList<FaqLink> Recent { get; private set; } = [];

    /// <summary>The most viewed FAQs of the last seven days (アクセスランキング).</summary>
    public IReadOnlyList<FaqListItem> Ranking { get; private set; } = [];

    /// <summary>Departments that own visible FAQs (担当課から探す).</summary>
    public IReadOnlyList<CategoryTile> Departments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var visible = db.Visible(time.GetUtcNow().UtcDateTime);
        var tiles = await visible
            .SelectMany(f => f.Categories)
            .Where(c => c.Kind == FaqCategoryKind.Field || c.Kind == FaqCategoryKind.LifeEvent)
            .GroupBy(c => new { c.Id, c.Name, c.Kind, c.SortOrder })
            .Select(g => new { g.Key.Id, g.Key.Name, g.Key.Kind, g.Key.SortOrder, Count = g.Count() })
            .ToListAsync(cancellationToken);
        Fields = [.. tiles.Where(t => t.Kind == FaqCategoryKind.Field).OrderBy(t => t.SortOrder).Select(t => new CategoryTile(t.Id, t.Name, t.Count))];
        LifeEvents = [.. tiles.Where(t => t.Kind == FaqCategoryKind.LifeEvent).OrderBy(t => t.SortOrder).Select(t => new CategoryTile(t.Id, t.Name, t.Count))];
        Recent = await visible.OrderByDescending(f => f.UpdatedAtUtc).ThenBy(f => f.Question).Take(8)
            .Select(f => new FaqLink(f.Id, f.Question)).ToListAsync(cancellationToken);
        Ranking = await popularity.TopAsync(RankingSize, cancellationToken);
        Departments = await DepartmentTilesAsync(visible, cancellationToken);
    }

    // Department names live in core's tables (another context), so counts and names are two queries.
    private async Task<IReadOnlyList<CategoryTile>> DepartmentTilesAsync(IQueryable<FaqEntry> visible, CancellationToken cancellationToken)
    {
        var counts = await visible.SelectMany(f => f.Owners).GroupBy(o => o.DepartmentId)
            .Select(g => new { DepartmentId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.DepartmentId, x => x.Count, cancellationToken);
        var ids = counts.Keys.ToList();
        var departments = await hub.Departments.AsNoTracking().Where(d => ids.Contains(d.Id) && d.IsActive)
            .Select(d => new { d.Id, d.Name, d.Kana, d.Code }).ToListAsync(cancellationToken);
        return [.. departments.OrderBy(d => d.Code, StringComparer.Ordinal).Select(d => new CategoryTile(d.Id, d.Name, counts[d.Id]))];
    }
}
