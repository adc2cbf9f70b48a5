using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Ranking.Judgements;
using ConversationHub.Faq.Search.Misses;
using ConversationHub.Faq.Site;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Ranking.Charts;

/// <summary>
/// Reads the numbers of the 品質の推移 page: the last <see cref="ModelCount"/> models, and the last
/// <see cref="WeekCount"/> weeks (Monday to Sunday, Japan time) of judgements and of question counts. Weeks are
/// grouped here rather than in SQL, so one query runs on SQLite and PostgreSQL alike; twelve weeks of hourly count
/// rows and of judgement timestamps are small.
/// </summary>
internal sealed class RankingChartsQuery(FaqDbContext db, TimeProvider time)
{
    public const int WeekCount = 12;

    public const int ModelCount = 30;

    private static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    public async Task<RankingCharts> ExecuteAsync(CancellationToken cancellationToken)
    {
        var thisWeek = WeekOf(time.GetUtcNow().UtcDateTime);
        var weeks = Enumerable.Range(0, WeekCount).Select(i => thisWeek.AddDays(7 * (i - WeekCount + 1))).ToList();
        var sinceUtc = weeks[0].ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - JapanOffset;

        var models = await db.RankingModels.AsNoTracking().OrderByDescending(m => m.Id).Take(ModelCount)
            .Select(m => new ModelQuality(m.Id, m.CreatedAtUtc, m.HeldOutNdcg, m.PreviousHeldOutNdcg, m.HeldOutQueries, m.IsActive))
            .ToListAsync(cancellationToken);
        models.Reverse();

        var judgements = await db.RankingJudgements.AsNoTracking().Where(j => j.CreatedAtUtc >= sinceUtc)
            .Select(j => new { j.CreatedAtUtc, j.Source }).ToListAsync(cancellationToken);
        // Each row's week is computed once; then one count per week and source.
        var judgementCounts = judgements.GroupBy(j => (Week: WeekOf(j.CreatedAtUtc), j.Source)).ToDictionary(g => g.Key, g => g.Count());
        var judgementWeeks = weeks.Select(week => new JudgementWeek(week, Enum.GetValues<JudgementSource>().ToDictionary(
            source => source,
            source => judgementCounts.GetValueOrDefault((week, source))))).ToList();

        var counts = await db.QuestionCounts.AsNoTracking().Where(c => c.HourUtc >= sinceUtc).ToListAsync(cancellationToken);
        var countsByWeek = counts.ToLookup(c => WeekOf(c.HourUtc));
        var questionWeeks = weeks.Select(week =>
        {
            var rows = countsByWeek[week];
            return new QuestionWeek(week, rows.Sum(r => r.Questions), rows.Sum(r => r.Confident),
                Enum.GetValues<SearchChannel>().ToDictionary(channel => channel, channel => rows.Where(r => r.Channel == channel).Sum(r => r.Questions)));
        }).ToList();

        return new RankingCharts(models, weeks, judgementWeeks, questionWeeks);
    }

    /// <summary>The Monday (Japan time) of the week <paramref name="utc"/> falls in.</summary>
    internal static DateOnly WeekOf(DateTime utc)
    {
        var day = JapanDate.DayOf(utc);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }
}
