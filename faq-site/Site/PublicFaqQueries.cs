using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Site;

/// <summary>What citizens may see: published, in-period, public FAQs only, and none that an ended program withholds.</summary>
internal static class PublicFaqQueries
{
    public static IQueryable<FaqEntry> Visible(this FaqDbContext db, DateTime nowUtc) =>
        db.Faqs.AsNoTracking().Where(f =>
            f.Status == FaqStatus.Published
            && f.Visibility == FaqVisibility.Public
            && (f.PublishFromUtc == null || f.PublishFromUtc <= nowUtc)
            && (f.PublishUntilUtc == null || f.PublishUntilUtc > nowUtc)
            && !db.ProgramHolds.Any(h => h.FaqId == f.Id && h.WithheldFromUtc <= nowUtc));
}
