using ConversationHub.Faq.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Search.Misses;

/// <summary>
/// The most frequent masked queries of the last days that found nothing or nothing confident, with counts per
/// kind: what the editors should write next. Misses an editor already handled on the review tab (a draft written
/// from them, or mapped to an FAQ) are left out. Shared by the report API and the editors' page.
/// </summary>
internal sealed class SearchMissReport(FaqDbContext db, TimeProvider time)
{
    public const int MaxDays = 90;
    public const int MaxRows = 100;

    public async Task<MissReport> ExecuteAsync(int days, int top, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-days);
        var rows = await db.SearchMisses.AsNoTracking()
            .Where(m => m.CreatedAtUtc >= since && m.HandledAtUtc == null)
            .GroupBy(m => m.MaskedQuery)
            .Select(g => new
            {
                Query = g.Key,
                Total = g.Count(),
                ZeroHit = g.Count(m => m.Kind == SearchMissKind.ZeroHit),
                LowConfidence = g.Count(m => m.Kind == SearchMissKind.LowConfidence),
                FirstSeenUtc = g.Min(m => m.CreatedAtUtc),
                LastSeenUtc = g.Max(m => m.CreatedAtUtc),
            })
            .OrderByDescending(i => i.Total).ThenByDescending(i => i.LastSeenUtc)
            .Take(top)
            .ToListAsync(cancellationToken);
        return new MissReport(days, since, now, [.. rows.Select(r => new MissReportItem(r.Query, r.Total, r.ZeroHit, r.LowConfidence, r.LastSeenUtc) { FirstSeenUtc = r.FirstSeenUtc })]);
    }
}

internal sealed record MissReport(int Days, DateTime FromUtc, DateTime ToUtc, IReadOnlyList<MissReportItem> Items);

internal sealed record MissReportItem(string Query, int Total, int ZeroHit, int LowConfidence, DateTime LastSeenUtc)
{
    /// <summary>The first time in the window (not in the API's JSON before; added for the editors' page).</summary>
    public DateTime FirstSeenUtc { get; init; }
}
