using ConversationHub.Core.ContactEvents.Domain;
using ConversationHub.Core.ContactEvents.Rollup.SelfService;
using ConversationHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Core.ContactEvents.Figures;

// A year is at most 366 days × 6 channels × the programs of bot rows; the FAQ rows are summed in the database.
internal sealed class RollupSelfServiceFigures(HubDbContext db) : ISelfServiceFigures
{
    public async Task<IReadOnlyList<BotConversationFigures>> BotConversationsAsync(
        DateOnly fromJst, DateOnly toJst, ContactChannel? channel, Guid? programId, CancellationToken cancellationToken)
    {
        var rows = db.Set<ContactBotDaily>().AsNoTracking().Where(r => r.DayJst >= fromJst && r.DayJst <= toJst);
        if (channel is { } only)
        {
            rows = rows.Where(r => r.Channel == only);
        }

        if (programId is { } program)
        {
            rows = rows.Where(r => r.ProgramId == program);
        }

        var sums = await rows.GroupBy(r => r.Channel)
            .Select(g => new { Channel = g.Key, Bot = g.Sum(r => r.BotConversations), HandedOff = g.Sum(r => r.HandedOff) })
            .ToListAsync(cancellationToken);
        return [.. sums.OrderBy(s => s.Channel).Select(s => new BotConversationFigures(s.Channel, s.Bot, s.HandedOff))];
    }

    public async Task<IReadOnlyList<FaqAnswerCount>> TopFaqAnswersAsync(
        DateOnly fromJst, DateOnly toJst, ContactChannel? channel, Guid? programId, int top, CancellationToken cancellationToken)
    {
        var rows = db.Set<ContactFaqDaily>().AsNoTracking().Where(r => r.DayJst >= fromJst && r.DayJst <= toJst);
        if (channel is { } only)
        {
            rows = rows.Where(r => r.Channel == only);
        }

        if (programId is { } program)
        {
            rows = rows.Where(r => r.ProgramId == program);
        }

        var sums = await rows.GroupBy(r => r.FaqId)
            .Select(g => new { FaqId = g.Key, Answers = g.Sum(r => r.Answers) })
            .OrderByDescending(s => s.Answers).ThenBy(s => s.FaqId).Take(top)
            .ToListAsync(cancellationToken);
        return [.. sums.Select(s => new FaqAnswerCount(s.FaqId, s.Answers))];
    }
}
