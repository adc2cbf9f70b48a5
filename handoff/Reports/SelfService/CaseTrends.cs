using ConversationHub.Core.Calendar;
using ConversationHub.Core.ContactEvents.Domain;
using ConversationHub.Handoff.Cases;
using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Reports.SelfService;

/// <summary>
/// Cases per category and week or month (問い合わせ傾向), counted from the cases made in the period: two columns of at
/// most a year's cases (tens of thousands) come back, and the grouping by Japan-time period is done here, the same on
/// SQLite and PostgreSQL.
/// </summary>
internal sealed class CaseTrends(HandoffDbContext db)
{
    public async Task<CaseTrend> BuildAsync(SelfServiceQuery query, CancellationToken cancellationToken)
    {
        var from = JapanTime.At(query.FromJst, TimeOnly.MinValue).UtcDateTime;
        var to = JapanTime.At(query.ToJst.AddDays(1), TimeOnly.MinValue).UtcDateTime;
        var cases = db.Cases.AsNoTracking().Where(c => c.CreatedAtUtc >= from && c.CreatedAtUtc < to);
        if (query.Channel is { } channel)
        {
            if (!Enum.TryParse<CaseChannel>(channel.ToString(), out var caseChannel))
            {
                return Empty(query);
            }

            cases = cases.Where(c => c.Channel == caseChannel);
        }

        if (query.DepartmentId is { } department)
        {
            cases = cases.Where(c => c.DepartmentId == department);
        }

        if (query.CategoryId is { } category)
        {
            cases = cases.Where(c => c.CategoryId == category);
        }

        if (query.ProgramId is { } program)
        {
            cases = cases.Where(c => c.ProgramId == program);
        }

        var made = await cases.Select(c => new { c.CreatedAtUtc, c.CategoryId }).ToListAsync(cancellationToken);
        var periods = Periods(query);
        var index = periods.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);
        var counts = new Dictionary<Guid, int[]>();
        foreach (var c in made)
        {
            var day = DateOnly.FromDateTime(c.CreatedAtUtc + JapanTime.Offset);
            var row = counts.TryGetValue(c.CategoryId ?? Guid.Empty, out var found) ? found : counts[c.CategoryId ?? Guid.Empty] = new int[periods.Count];
            row[index[StartOf(day, query.Grain)]]++;
        }

        var ids = counts.Keys.ToList();
        var names = await db.CaseCategories.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var rows = counts
            .Select(p => new CaseTrendRow(p.Key == Guid.Empty ? null : p.Key, p.Key == Guid.Empty ? "" : names.GetValueOrDefault(p.Key, ""), p.Value))
            .OrderByDescending(r => r.Total).ThenBy(r => r.Category, StringComparer.Ordinal)
            .ToList();
        var totals = Enumerable.Range(0, periods.Count).Select(i => rows.Sum(r => r.Counts[i])).ToList();
        return new CaseTrend(periods, rows, totals);
    }

    /// <summary>The first day of the week (Monday) or month <paramref name="day"/> falls in.</summary>
    public static DateOnly StartOf(DateOnly day, TrendGrain grain) => grain == TrendGrain.Month
        ? new DateOnly(day.Year, day.Month, 1)
        : day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static List<DateOnly> Periods(SelfServiceQuery query)
    {
        var periods = new List<DateOnly>();
        for (var start = StartOf(query.FromJst, query.Grain); start <= query.ToJst; start = query.Grain == TrendGrain.Month ? start.AddMonths(1) : start.AddDays(7))
        {
            periods.Add(start);
        }

        return periods;
    }

    private static CaseTrend Empty(SelfServiceQuery query)
    {
        var periods = Periods(query);
        return new CaseTrend(periods, [], [.. periods.Select(_ => 0)]);
    }
}
