using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Site;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Pages;

/// <summary>The public FAQ site's home: search box, categories and recent FAQs.</summary>
[AllowAnonymous]
public sealed class IndexModel(FaqDbContext db, TimeProvider time) : PageModel
{
    public sealed record CategoryTile(Guid Id, string Name, int Count);

    public sealed record FaqLink(Guid Id, string Question);

    public IReadOnlyList<CategoryTile> Fields { get; private set; } = [];

    public IReadOnlyList<CategoryTile> LifeEvents { get; private set; } = [];

    public IReadOnlyList<FaqLink> Recent { get; private set; } = [];

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
    }
}
