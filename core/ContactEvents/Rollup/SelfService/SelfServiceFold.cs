using ConversationHub.Core.Calendar;
using ConversationHub.Core.ContactEvents.Domain;
using ConversationHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Core.ContactEvents.Rollup.SelfService;

/// <summary>
/// Folds a batch of contact events into the self-service roll-ups (<see cref="ContactFaqDaily"/>,
/// <see cref="ContactBotDaily"/>) inside <see cref="ContactRollupPass"/>'s transaction, so they move with the hourly
/// counters. Whether a conversation was already answered by the bot or handed off is read from the events folded
/// before (one grouped query per batch on the (conversation, kind) index), never by scanning a period. Rows are kept per
/// program (施策, issue 19) from the events' program; a conversation keeps its program, so its hand-off lands on the row
/// of its bot answer.
/// </summary>
internal static class SelfServiceFold
{
    public static async Task AddAsync(HubDbContext db, IReadOnlyList<ContactEvent> events, CancellationToken cancellationToken)
    {
        var relevant = events.Where(e => e.Kind is ContactEventKind.BotAnswered or ContactEventKind.HandedOff).ToList();
        if (relevant.Count == 0)
        {
            return;
        }

        await CountFaqAnswersAsync(db, relevant, cancellationToken);
        await CountConversationsAsync(db, relevant, cancellationToken);
    }

    /// <summary>The Japan-time day of <paramref name="utc"/>.</summary>
    public static DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(utc + JapanTime.Offset);

    private static async Task CountFaqAnswersAsync(HubDbContext db, List<ContactEvent> events, CancellationToken cancellationToken)
    {
        var answers = events.Where(e => e.Kind == ContactEventKind.BotAnswered && !string.IsNullOrEmpty(e.FaqId)).ToList();
        if (answers.Count == 0)
        {
            return;
        }

        var days = answers.Select(e => DayOf(e.OccurredAtUtc)).Distinct().ToList();
        var faqIds = answers.Select(e => e.FaqId!).Distinct().ToList();
        var rows = await db.Set<ContactFaqDaily>().Where(r => days.Contains(r.DayJst) && faqIds.Contains(r.FaqId))
            .ToDictionaryAsync(r => (r.DayJst, r.Channel, r.FaqId, r.ProgramId), cancellationToken);
        foreach (var answer in answers)
        {
            var key = (DayOf(answer.OccurredAtUtc), answer.Channel, answer.FaqId!, answer.ProgramId ?? Guid.Empty);
            if (!rows.TryGetValue(key, out var row))
            {
                row = new ContactFaqDaily(key.Item1, key.Channel, key.Item3, key.Item4);
                db.Add(row);
                rows[key] = row;
            }

            row.Answers++;
        }
    }

    private static async Task CountConversationsAsync(HubDbContext db, List<ContactEvent> events, CancellationToken cancellationToken)
    {
        var ids = events.Select(e => e.ConversationId).OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var folded = await db.ContactEvents.AsNoTracking()
            .Where(e => e.RolledUp && e.ConversationId != null && ids.Contains(e.ConversationId.Value)
                && (e.Kind == ContactEventKind.BotAnswered || e.Kind == ContactEventKind.HandedOff))
            .GroupBy(e => new { e.ConversationId, e.Kind })
            .Select(g => new { g.Key.ConversationId, g.Key.Kind, First = g.Min(e => e.OccurredAtUtc) })
            .ToListAsync(cancellationToken);
        var state = new Dictionary<Guid, (DateOnly? BotDay, bool HandedOff)>();
        foreach (var f in folded)
        {
            var s = state.GetValueOrDefault(f.ConversationId!.Value);
            state[f.ConversationId.Value] = f.Kind == ContactEventKind.BotAnswered ? (DayOf(f.First), s.HandedOff) : (s.BotDay, true);
        }

        var days = await LoadDaysAsync(db, events, state, cancellationToken);
        foreach (var e in events.Where(e => e.ConversationId is not null))
        {
            var id = e.ConversationId!.Value;
            var s = state.GetValueOrDefault(id);
            if (e.Kind == ContactEventKind.BotAnswered && s.BotDay is null)
            {
                var row = Row(db, days, (DayOf(e.OccurredAtUtc), e.Channel, e.ProgramId ?? Guid.Empty));
                row.BotConversations++;
                row.HandedOff += s.HandedOff ? 1 : 0;
                state[id] = (DayOf(e.OccurredAtUtc), s.HandedOff);
            }
            else if (e.Kind == ContactEventKind.HandedOff && !s.HandedOff)
            {
                if (s.BotDay is { } botDay)
                {
                    Row(db, days, (botDay, e.Channel, e.ProgramId ?? Guid.Empty)).HandedOff++;
                }

                state[id] = (s.BotDay, true);
            }
        }
    }

    private static async Task<Dictionary<(DateOnly, ContactChannel, Guid), ContactBotDaily>> LoadDaysAsync(
        HubDbContext db, List<ContactEvent> events, Dictionary<Guid, (DateOnly? BotDay, bool HandedOff)> state, CancellationToken cancellationToken)
    {
        var days = events.Select(e => DayOf(e.OccurredAtUtc))
            .Concat(state.Values.Select(s => s.BotDay).OfType<DateOnly>()).Distinct().ToList();
        return await db.Set<ContactBotDaily>().Where(r => days.Contains(r.DayJst)).ToDictionaryAsync(r => (r.DayJst, r.Channel, r.ProgramId), cancellationToken);
    }

    private static ContactBotDaily Row(HubDbContext db, Dictionary<(DateOnly, ContactChannel, Guid), ContactBotDaily> rows, (DateOnly Day, ContactChannel Channel, Guid Program) key)
    {
        if (!rows.TryGetValue(key, out var row))
        {
            row = new ContactBotDaily(key.Day, key.Channel, key.Program);
            db.Add(row);
            rows[key] = row;
        }

        return row;
    }
}
