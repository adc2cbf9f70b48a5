using ConversationHub.Core.Calendar;
using ConversationHub.Core.ContactEvents.Domain;
using ConversationHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Core.ContactEvents.Figures;

// Sums the roll-up's rows of the period in the database (one row per hour and channel comes back), then merges the
// channels in memory when the caller wants totals: a year is at most 8,784 hours × 5 channels.
internal sealed class RollupContactFigures(HubDbContext db) : IContactFigures
{
    public async Task<IReadOnlyList<ContactFigures>> HourlyAsync(ContactFigureQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.ToJst < query.FromJst)
        {
            throw new ArgumentException("The period ends before it starts.", nameof(query));
        }

        var fromUtc = JapanTime.At(query.FromJst, TimeOnly.MinValue).UtcDateTime;
        var toUtc = JapanTime.At(query.ToJst.AddDays(1), TimeOnly.MinValue).UtcDateTime;
        var rows = db.ContactHourly.AsNoTracking().Where(f => f.HourStartUtc >= fromUtc && f.HourStartUtc < toUtc);
        if (query.Channel is { } channel)
        {
            rows = rows.Where(f => f.Channel == channel);
        }

        if (query.DepartmentId is { } department)
        {
            rows = rows.Where(f => f.DepartmentId == department);
        }

        if (query.ProgramId is { } program)
        {
            rows = rows.Where(f => f.ProgramId == program);
        }

        if (query.Category is { } category)
        {
            rows = rows.Where(f => f.Category == category);
        }

        var sums = await rows
            .GroupBy(f => new { f.HourStartUtc, f.Channel })
            .Select(g => new Sums(
                g.Key.HourStartUtc, g.Key.Channel,
                g.Sum(f => f.Arrived), g.Sum(f => f.BotAnswered), g.Sum(f => f.HandedOff), g.Sum(f => f.Offered),
                g.Sum(f => f.Answered), g.Sum(f => f.AnsweredWithin10s), g.Sum(f => f.AnswerWaitMsSum),
                g.Sum(f => f.Abandoned), g.Sum(f => f.AbandonWaitMsSum), g.Sum(f => f.Transferred), g.Sum(f => f.Escalated),
                g.Sum(f => f.Closed), g.Sum(f => f.Congestion), g.Sum(f => f.SatisfactionCount), g.Sum(f => f.SatisfactionSum)))
            .ToListAsync(cancellationToken);

        var merged = query.PerChannel
            ? sums
            : [.. sums.GroupBy(s => s.HourStartUtc).Select(g => g.Aggregate((a, b) => a.Plus(b) with { Channel = null }))];
        return [.. merged.OrderBy(s => s.HourStartUtc).ThenBy(s => s.Channel).Select(ToFigures)];
    }

    private static ContactFigures ToFigures(Sums s)
    {
        static T? If<T>(ContactEventKind kind, T value) where T : struct => ContactEventProducers.IsRecorded(kind) ? value : null;
        return new ContactFigures(
            JapanTime.ToJapan(new DateTimeOffset(s.HourStartUtc, TimeSpan.Zero)), s.Channel,
            If(ContactEventKind.Arrived, s.Arrived), If(ContactEventKind.BotAnswered, s.BotAnswered),
            If(ContactEventKind.HandedOff, s.HandedOff), If(ContactEventKind.Offered, s.Offered),
            If(ContactEventKind.Answered, s.Answered), If(ContactEventKind.Answered, s.AnsweredWithin10s),
            If(ContactEventKind.Answered, s.AnswerWaitMsSum), If(ContactEventKind.Abandoned, s.Abandoned),
            If(ContactEventKind.Abandoned, s.AbandonWaitMsSum), If(ContactEventKind.Transferred, s.Transferred),
            If(ContactEventKind.Escalated, s.Escalated), If(ContactEventKind.Closed, s.Closed),
            If(ContactEventKind.Congestion, s.Congestion), If(ContactEventKind.SatisfactionGiven, s.SatisfactionCount),
            If(ContactEventKind.SatisfactionGiven, s.SatisfactionSum));
    }

    private sealed record Sums(
        DateTime HourStartUtc, ContactChannel? Channel, int Arrived, int BotAnswered, int HandedOff, int Offered,
        int Answered, int AnsweredWithin10s, long AnswerWaitMsSum, int Abandoned, long AbandonWaitMsSum, int Transferred,
        int Escalated, int Closed, int Congestion, int SatisfactionCount, long SatisfactionSum)
    {
        public Sums Plus(Sums o) => new(
            HourStartUtc, Channel, Arrived + o.Arrived, BotAnswered + o.BotAnswered, HandedOff + o.HandedOff, Offered + o.Offered,
            Answered + o.Answered, AnsweredWithin10s + o.AnsweredWithin10s, AnswerWaitMsSum + o.AnswerWaitMsSum,
            Abandoned + o.Abandoned, AbandonWaitMsSum + o.AbandonWaitMsSum, Transferred + o.Transferred,
            Escalated + o.Escalated, Closed + o.Closed, Congestion + o.Congestion, SatisfactionCount + o.SatisfactionCount,
            SatisfactionSum + o.SatisfactionSum);
    }
}
