using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Site;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.KnowledgeBase.Proposals;

/// <summary>
/// The editors' queue: proposals filtered by status, source and the day they were made (Japan time), newest
/// first, and how many were made per day and per month — the figures the reports will read.
/// </summary>
internal sealed class FaqProposalQueue(FaqDbContext db, TimeProvider time)
{
    public const int MaxRows = 200;

    public const int CountDays = 14;

    public const int CountMonths = 12;

    private static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    public async Task<List<FaqProposal>> ListAsync(FaqProposalStatus? status, FaqProposalSource? source, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var query = db.Proposals.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(p => p.Status == s);
        }

        if (source is { } origin)
        {
            query = query.Where(p => p.Source == origin);
        }

        if (from is { } first)
        {
            var fromUtc = StartUtcOf(first);
            query = query.Where(p => p.CreatedAtUtc >= fromUtc);
        }

        if (to is { } last)
        {
            var untilUtc = StartUtcOf(last.AddDays(1));
            query = query.Where(p => p.CreatedAtUtc < untilUtc);
        }

        return await query.OrderByDescending(p => p.CreatedAtUtc).Take(MaxRows).ToListAsync(cancellationToken);
    }

    /// <summary>Proposals made per Japan-time day (the last <see cref="CountDays"/> days) and month (the last <see cref="CountMonths"/>), newest first.</summary>
    public async Task<FaqProposalCounts> CountAsync(CancellationToken cancellationToken)
    {
        var today = JapanDate.Today(time);
        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-(CountMonths - 1));
        var sinceUtc = StartUtcOf(firstMonth);
        // Grouped here rather than in SQL: a date in Japan time is not expressible the same way on both providers,
        // and a year of proposals is a few thousand timestamps at most.
        var made = await db.Proposals.AsNoTracking().Where(p => p.CreatedAtUtc >= sinceUtc)
            .Select(p => new { p.CreatedAtUtc, p.Status }).ToListAsync(cancellationToken);
        var days = Enumerable.Range(0, CountDays).Select(i => today.AddDays(-i))
            .Select(d => Row(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), made.Where(m => JapanDate.DayOf(m.CreatedAtUtc) == d).Select(m => m.Status)))
            .ToList();
        var months = Enumerable.Range(0, CountMonths).Select(i => firstMonth.AddMonths(CountMonths - 1 - i))
            .Select(m => Row(m.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), made.Where(x => JapanDate.DayOf(x.CreatedAtUtc) is var d && d.Year == m.Year && d.Month == m.Month).Select(x => x.Status)))
            .ToList();
        return new FaqProposalCounts(days, months);
    }

    private static FaqProposalCountRow Row(string period, IEnumerable<FaqProposalStatus> statuses)
    {
        var list = statuses.ToList();
        return new FaqProposalCountRow(period, list.Count, list.Count(s => s == FaqProposalStatus.New), list.Count(s => s == FaqProposalStatus.Accepted), list.Count(s => s == FaqProposalStatus.Rejected));
    }

    private static DateTime StartUtcOf(DateOnly japanDay) => new DateTimeOffset(japanDay.ToDateTime(TimeOnly.MinValue), JapanOffset).UtcDateTime;
}
