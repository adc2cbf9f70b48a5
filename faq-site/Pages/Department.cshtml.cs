using ConversationHub.Core.Persistence;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Site;
using ConversationHub.Faq.Site.Analytics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Pages;

/// <summary>The FAQs a department answers for (担当課から探す), most viewed first.</summary>
[AllowAnonymous]
internal sealed class DepartmentModel(FaqDbContext db, HubDbContext hub, FaqPopularity popularity, TimeProvider time) : PageModel
{
    public string? Name { get; private set; }

    public IReadOnlyList<FaqListItem> Faqs { get; private set; } = [];

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Name = await hub.Departments.AsNoTracking().Where(d => d.Id == id && d.IsActive).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken);
        if (Name is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var faqs = db.Visible(time.GetUtcNow().UtcDateTime).Where(f => f.Owners.Any(o => o.DepartmentId == id));
        Faqs = await popularity.ByViewsAsync(faqs, cancellationToken);
    }
}
