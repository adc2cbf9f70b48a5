using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Site;
using ConversationHub.Faq.Site.Analytics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Pages;

/// <summary>The FAQs of one field (分野) or life event (ライフイベント), most viewed first.</summary>
[AllowAnonymous]
internal sealed class CategoryModel(FaqDbContext db, FaqPopularity popularity, TimeProvider time) : PageModel
{
    public string? Name { get; private set; }

    public IReadOnlyList<FaqListItem> Faqs { get; private set; } = [];

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        // Keywords are search aids, not something citizens browse: they have no page.
        Name = await db.Categories.AsNoTracking()
            .Where(c => c.Id == id && (c.Kind == FaqCategoryKind.Field || c.Kind == FaqCategoryKind.LifeEvent))
            .Select(c => c.Name)
            .FirstOrDefaultAsync(cancellationToken);
        if (Name is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var faqs = db.Visible(time.GetUtcNow().UtcDateTime).Where(f => f.Categories.Any(c => c.Id == id));
        Faqs = await popularity.ByViewsAsync(faqs, cancellationToken);
    }
}
