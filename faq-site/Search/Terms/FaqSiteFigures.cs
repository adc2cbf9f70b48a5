using ConversationHub.Core.Calendar;
using ConversationHub.Core.Faq;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Search.Misses;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Search.Terms;

/// <summary>
/// The FAQ module's answer to <see cref="IFaqSiteFigures"/>: search terms and page views from their per-day counters,
/// misses and ratings from their rows (one per miss or rating, indexed by time), each summed in the database.
/// </summary>
internal sealed class FaqSiteFigures(FaqDbContext db) : IFaqSiteFigures
{
    public async Task<IReadOnlyList<SearchTermFigure>?> TopSearchTermsAsync(DateOnly fromJst, DateOnly toJst, int top, CancellationToken cancellationToken)
    {
        var terms = await db.Set<SearchTermCount>().AsNoTracking()
            .Where(c => c.DayJst >= fromJst && c.DayJst <= toJst)
            .GroupBy(c => c.Term)
            .Select(g => new { Term = g.Key, Searches = g.Sum(c => c.Searches), NoResult = g.Sum(c => c.NoResult) })
            .OrderByDescending(f => f.Searches).ThenBy(f => f.Term).Take(top)
            .ToListAsync(cancellationToken);
        return [.. terms.Select(t => new SearchTermFigure(t.Term, t.Searches, t.NoResult))];
    }

    public async Task<IReadOnlyList<SearchTermFigure>?> TopMissesAsync(DateOnly fromJst, DateOnly toJst, int top, CancellationToken cancellationToken)
    {
        var (from, to) = Utc(fromJst, toJst);
        var misses = await db.SearchMisses.AsNoTracking()
            .Where(m => m.CreatedAtUtc >= from && m.CreatedAtUtc < to)
            .GroupBy(m => m.MaskedQuery)
            .Select(g => new { Term = g.Key, Searches = g.Count(), NoResult = g.Count(m => m.Kind == SearchMissKind.ZeroHit) })
            .OrderByDescending(f => f.Searches).ThenBy(f => f.Term).Take(top)
            .ToListAsync(cancellationToken);
        return [.. misses.Select(m => new SearchTermFigure(m.Term, m.Searches, m.NoResult))];
    }

    public async Task<IReadOnlyList<FaqRatingFigure>?> TopRatedAsync(DateOnly fromJst, DateOnly toJst, int top, CancellationToken cancellationToken)
    {
        var (from, to) = Utc(fromJst, toJst);
        var rated = await db.Feedback.AsNoTracking()
            .Where(f => f.CreatedAtUtc >= from && f.CreatedAtUtc < to)
            .GroupBy(f => f.FaqId)
            .Select(g => new { FaqId = g.Key, Helpful = g.Count(f => f.Helpful), NotHelpful = g.Count(f => !f.Helpful) })
            .OrderByDescending(r => r.Helpful + r.NotHelpful).ThenBy(r => r.FaqId).Take(top)
            .ToListAsync(cancellationToken);
        var titles = await TitlesOfAsync([.. rated.Select(r => r.FaqId)], cancellationToken);
        return [.. rated.Select(r => new FaqRatingFigure(r.FaqId.ToString(), titles.GetValueOrDefault(r.FaqId, ""), r.Helpful, r.NotHelpful))];
    }

    public async Task<IReadOnlyList<FaqCountFigure>?> TopViewedAsync(DateOnly fromJst, DateOnly toJst, int top, CancellationToken cancellationToken)
    {
        var viewed = await db.ViewCounts.AsNoTracking()
            .Where(v => v.Day >= fromJst && v.Day <= toJst)
            .GroupBy(v => v.FaqId)
            .Select(g => new { FaqId = g.Key, Views = g.Sum(v => v.Count) })
            .OrderByDescending(v => v.Views).ThenBy(v => v.FaqId).Take(top)
            .ToListAsync(cancellationToken);
        var titles = await TitlesOfAsync([.. viewed.Select(v => v.FaqId)], cancellationToken);
        return [.. viewed.Select(v => new FaqCountFigure(v.FaqId.ToString(), titles.GetValueOrDefault(v.FaqId, ""), v.Views))];
    }

    public async Task<IReadOnlyDictionary<string, string>> TitlesAsync(IReadOnlyCollection<string> faqIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(faqIds);
        var ids = faqIds.Select(id => Guid.TryParse(id, out var guid) ? guid : (Guid?)null).OfType<Guid>().ToList();
        var titles = await TitlesOfAsync(ids, cancellationToken);
        return faqIds.Where(id => Guid.TryParse(id, out var guid) && titles.ContainsKey(guid))
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(id => id, id => titles[Guid.Parse(id)], StringComparer.Ordinal);
    }

    private async Task<Dictionary<Guid, string>> TitlesOfAsync(List<Guid> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? [] : await db.Faqs.AsNoTracking().Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Question, cancellationToken);

    private static (DateTime From, DateTime To) Utc(DateOnly fromJst, DateOnly toJst) =>
        (JapanTime.At(fromJst, TimeOnly.MinValue).UtcDateTime, JapanTime.At(toJst.AddDays(1), TimeOnly.MinValue).UtcDateTime);
}
