using ConversationHub.Core.ContactEvents.Domain;
using ConversationHub.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Core.ContactEvents.Rollup;

/// <summary>
/// Folds contact events not counted yet into <see cref="ContactHourlyFigures"/>, in one transaction per batch: the
/// counters change and the events are marked <see cref="ContactEvent.RolledUp"/> together, so a node killed mid-pass
/// leaves both as they were and the next pass (on any node) redoes the batch. Marking the very rows it read, rather
/// than advancing an id watermark, matters on PostgreSQL: ids are taken at insert but committed in any order, so an
/// event with a lower id can become visible after a higher one was folded.
/// </summary>
internal sealed class ContactRollupPass(HubDbContext db)
{
    /// <summary>A wait of at most this many milliseconds counts as answered within 10 seconds.</summary>
    public const long AnsweredWithinMs = 10_000;

    /// <summary>Folds up to <paramref name="batchSize"/> events; returns how many.</summary>
    public async Task<int> RunAsync(int batchSize, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            """INSERT INTO contact_rollup_state ("Id", "Passes", "FoldedEvents") VALUES (1, 0, 0) ON CONFLICT ("Id") DO NOTHING""", cancellationToken);
        // The lock: a second node's pass waits here until this one commits, then reads what is still unfolded.
        await db.ContactRollupState.Where(s => s.Id == ContactRollupState.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Passes, x => x.Passes + 1), cancellationToken);

        var events = await db.ContactEvents.AsNoTracking().Where(e => !e.RolledUp).OrderBy(e => e.Id).Take(batchSize).ToListAsync(cancellationToken);
        if (events.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return 0;
        }

        var rows = new Dictionary<(DateTime Hour, ContactChannel Channel, Guid Department, string Category, Guid Program), ContactHourlyFigures>();
        foreach (var hour in events.Select(e => HourOf(e.OccurredAtUtc)).Distinct())
        {
            foreach (var row in await db.ContactHourly.Where(f => f.HourStartUtc == hour).ToListAsync(cancellationToken))
            {
                rows[(row.HourStartUtc, row.Channel, row.DepartmentId, row.Category, row.ProgramId)] = row;
            }
        }

        foreach (var contactEvent in events)
        {
            var key = (HourOf(contactEvent.OccurredAtUtc), contactEvent.Channel, contactEvent.DepartmentId ?? Guid.Empty, contactEvent.Category ?? "", contactEvent.ProgramId ?? Guid.Empty);
            if (!rows.TryGetValue(key, out var row))
            {
                row = new ContactHourlyFigures(key.Item1, key.Channel, key.Item3, key.Item4, key.Item5);
                db.ContactHourly.Add(row);
                rows[key] = row;
            }

            Count(row, contactEvent);
        }

        await SelfService.SelfServiceFold.AddAsync(db, events, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var ids = events.Select(e => e.Id).ToList();
        await db.ContactEvents.Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(s => s.SetProperty(e => e.RolledUp, true), cancellationToken);
        await db.ContactRollupState.Where(s => s.Id == ContactRollupState.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.FoldedEvents, x => x.FoldedEvents + events.Count), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return events.Count;
    }

    /// <summary>The start of the hour <paramref name="utc"/> falls in (UTC; the same boundary as in Japan time).</summary>
    public static DateTime HourOf(DateTime utc) => new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerHour), DateTimeKind.Utc);

    private static void Count(ContactHourlyFigures row, ContactEvent e)
    {
        switch (e.Kind)
        {
            case ContactEventKind.Arrived: row.Arrived++; break;
            case ContactEventKind.BotAnswered: row.BotAnswered++; break;
            case ContactEventKind.HandedOff: row.HandedOff++; break;
            case ContactEventKind.Offered: row.Offered++; break;
            case ContactEventKind.Answered:
                row.Answered++;
                row.AnswerWaitMsSum += e.WaitMs ?? 0;
                row.AnsweredWithin10s += e.WaitMs <= AnsweredWithinMs ? 1 : 0;
                break;
            case ContactEventKind.Abandoned:
                row.Abandoned++;
                row.AbandonWaitMsSum += e.WaitMs ?? 0;
                break;
            case ContactEventKind.Transferred: row.Transferred++; break;
            case ContactEventKind.Escalated: row.Escalated++; break;
            case ContactEventKind.Closed: row.Closed++; break;
            case ContactEventKind.Congestion: row.Congestion++; break;
            case ContactEventKind.SatisfactionGiven:
                row.SatisfactionCount++;
                row.SatisfactionSum += e.Satisfaction ?? 0;
                break;
            default: throw new InvalidOperationException($"No counter for contact event kind {e.Kind}.");
        }
    }
}
