using ConversationHub.Core.Calendar;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Survey;

/// <summary>
/// Computes <see cref="SurveyReport"/>: the sessions offered in the period are counted by state in the database, the
/// answers grouped by item and choice there too; free texts are read (and decrypted) only when asked for.
/// </summary>
internal sealed class SurveyResults(HandoffDbContext db, SurveyDefinitions definitions, SurveyFlow flow)
{
    public const int MaxTexts = 1000;

    public async Task<SurveyReport> RunAsync(DateOnly from, DateOnly to, ConversationChannel? channel, bool withTexts, CancellationToken cancellationToken)
    {
        var fromUtc = JapanTime.At(from, TimeOnly.MinValue).UtcDateTime;
        var toUtc = JapanTime.At(to.AddDays(1), TimeOnly.MinValue).UtcDateTime;
        var sessions = db.SurveySessions.AsNoTracking().Where(s => s.OfferedAtUtc >= fromUtc && s.OfferedAtUtc < toUtc);
        if (channel is { } only)
        {
            sessions = sessions.Where(s => s.Channel == only);
        }

        var states = await sessions.GroupBy(s => s.State).Select(g => new { State = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int Count(SurveySessionState state) => states.Where(s => s.State == state).Sum(s => s.Count);

        var answers = db.SurveyAnswers.AsNoTracking().Where(a => sessions.Any(s => s.ConversationId == a.ConversationId));
        var choices = await answers.Where(a => a.Choice != null)
            .GroupBy(a => new { a.ItemKey, a.Choice, a.Score })
            .Select(g => new { g.Key.ItemKey, g.Key.Choice, g.Key.Score, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var textCounts = await answers.Where(a => a.Text != null).GroupBy(a => a.ItemKey)
            .Select(g => new { ItemKey = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var texts = withTexts
            ? await answers.Where(a => a.Text != null)
                .Join(sessions, a => a.ConversationId, s => s.ConversationId, (a, s) => new { a.ItemKey, a.AnsweredAtUtc, s.Channel, a.Text })
                .OrderBy(a => a.AnsweredAtUtc).Take(MaxTexts).ToListAsync(cancellationToken)
            : [];

        var items = await ItemsAsync(cancellationToken);
        var results = new List<SurveyItemResult>();
        foreach (var item in items)
        {
            var counted = choices.Where(c => c.ItemKey == item.Key).ToList();
            var answered = counted.Sum(c => c.Count) + textCounts.Where(t => t.ItemKey == item.Key).Sum(t => t.Count);
            var labels = item.Type switch
            {
                SurveyItemType.FiveLevel => flow.Levels,
                SurveyItemType.Choice => item.Options,
                _ => [],
            };
            // Labels of earlier versions' options (since reworded or removed) follow the current ones.
            var all = labels.Concat(counted.Select(c => c.Choice!).Where(c => !labels.Contains(c, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal));
            var options = all.Select(label =>
            {
                var count = counted.Where(c => c.Choice == label).Sum(c => c.Count);
                return new SurveyOptionCount(label, count, answered == 0 ? 0 : Math.Round(100.0 * count / answered, 1));
            }).ToList();
            var scored = counted.Where(c => c.Score is not null).ToList();
            double? mean = scored.Count == 0 ? null : Math.Round((double)scored.Sum(c => c.Score!.Value * c.Count) / scored.Sum(c => c.Count), 2);
            var itemTexts = texts.Where(t => t.ItemKey == item.Key).Select(t => new SurveyFreeText(t.AnsweredAtUtc, t.Channel, t.Text!)).ToList();
            results.Add(new SurveyItemResult(item.Key, item.Question, item.Type, answered, options, mean, itemTexts));
        }

        return new SurveyReport(from, to, channel, states.Sum(s => s.Count), Count(SurveySessionState.Declined),
            Count(SurveySessionState.Answering) + Count(SurveySessionState.Completed), Count(SurveySessionState.Completed), results);
    }

    // The current items in order, then items only earlier versions had, each worded as its newest version words it.
    private async Task<List<SurveyItem>> ItemsAsync(CancellationToken cancellationToken)
    {
        var versions = await definitions.AllAsync(cancellationToken);
        var items = new List<SurveyItem>();
        foreach (var item in versions.SelectMany(v => v.Items))
        {
            if (!items.Any(i => i.Key == item.Key))
            {
                items.Add(item);
            }
        }

        return items;
    }
}
