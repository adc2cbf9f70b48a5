using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Site;

/// <summary>Loads one visible FAQ for its public page, with its related FAQs.</summary>
internal sealed class FaqPageQuery(FaqDbContext db, TimeProvider time)
{
    public const int RelatedCount = 5;

    /// <summary>Null when the FAQ does not exist or citizens may not see it (draft, archived, out of period, not public).</summary>
    public async Task<FaqPageView?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var visible = db.Visible(time.GetUtcNow().UtcDateTime);
        var faq = await visible
            .Include(f => f.Categories).Include(f => f.RelatedLinks).Include(f => f.Attachments)
            .AsSplitQuery()
            .FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (faq is null)
        {
            return null;
        }

        var field = faq.Categories.Where(c => c.Kind == FaqCategoryKind.Field).OrderBy(c => c.SortOrder).FirstOrDefault();
        var categoryIds = faq.Categories.Select(c => c.Id).ToList();
        // Related: visible FAQs sharing the most categories (fields, life events and keywords alike).
        var related = await visible
            .Where(f => f.Id != id && f.Categories.Any(c => categoryIds.Contains(c.Id)))
            .Select(f => new { f.Id, f.Question, Shared = f.Categories.Count(c => categoryIds.Contains(c.Id)) })
            .OrderByDescending(x => x.Shared).ThenBy(x => x.Question)
            .Take(RelatedCount)
            .ToListAsync(cancellationToken);

        return new FaqPageView(
            faq.Id,
            faq.Question,
            faq.AnswerMarkdown,
            faq.UpdatedAtUtc,
            field is null ? null : new FaqPageView.Crumb(field.Id, field.Name),
            [.. faq.RelatedLinks.Where(l => FaqMarkdown.IsAllowedUrl(l.Url)).OrderBy(l => l.SortOrder).Select(l => new FaqPageView.Link(l.Title, l.Url))],
            [.. faq.Attachments.OrderBy(a => a.SortOrder).Select(a => new FaqPageView.File(a.Id, a.FileName, a.ContentType, a.SizeBytes))],
            [.. related.Select(r => new FaqListItem(r.Id, r.Question))]);
    }
}
