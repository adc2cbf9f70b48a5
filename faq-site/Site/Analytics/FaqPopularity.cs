using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Site.Analytics;

/// <summary>Reads the view counters: the weekly access ranking and per-FAQ popularity.</summary>
internal sealed class FaqPopularity(FaqDbContext db, TimeProvider time)
{
    /// <summary>The ranking covers today and the six days before it (Japan time).</summary>
    public const int RankingDays = 7;

    /// <summary>Category and department lists order by the views of the last 30 days.</summary>
    public const int ListDays = 30;

    /// <summary>
    /// The most viewed visible FAQs of the last <see cref="RankingDays"/> days, most views first, ties by question.
    /// FAQs without views are not ranked.
    /// </summary>
    public async Task<IReadOnlyList<FaqListItem>> TopAsync(int count, CancellationToken cancellationToken)
    {
        var today = JapanDate.Today(time);
        var from = today.AddDays(-(RankingDays - 1));
        var ranked = await db.Visible(time.GetUtcNow().UtcDateTime)
            .Select(f => new
            {
                f.Id,
                f.Question,
                Views = db.ViewCounts.Where(v => v.FaqId == f.Id && v.Day >= from && v.Day <= today).Sum(v => (int?)v.Count) ?? 0,
            })
            .Where(x => x.Views > 0)
            .OrderByDescending(x => x.Views).ThenBy(x => x.Question)
            .Take(count)
            .ToListAsync(cancellationToken);
        return [.. ranked.Select(x => new FaqListItem(x.Id, x.Question))];
    }

    /// <summary>
    /// <paramref name="faqs"/> (already filtered to visible ones) most viewed first over the last
    /// <see cref="ListDays"/> days, so seasonal questions (tax returns in February) rise when they matter; ties
    /// and unviewed FAQs by question.
    /// </summary>
    public async Task<IReadOnlyList<FaqListItem>> ByViewsAsync(IQueryable<FaqEntry> faqs, CancellationToken cancellationToken)
    {
        var from = JapanDate.Today(time).AddDays(-(ListDays - 1));
        var items = await faqs
            .Select(f => new { f.Id, f.Question, Views = db.ViewCounts.Where(v => v.FaqId == f.Id && v.Day >= from).Sum(v => (int?)v.Count) ?? 0 })
            .OrderByDescending(x => x.Views).ThenBy(x => x.Question)
            .ToListAsync(cancellationToken);
        return [.. items.Select(x => new FaqListItem(x.Id, x.Question))];
    }
}
