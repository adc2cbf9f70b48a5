using ConversationHub.Core.Calendar;
using ConversationHub.Core.ContactEvents.Domain;
using ConversationHub.Core.ContactEvents.Figures;
using ConversationHub.Core.ContactEvents.Rollup;
using ConversationHub.Core.ContactEvents.Services;
using ConversationHub.Core.Persistence;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Core.Tests.ContactEvents;

/// <summary>
/// Figures of a generated day with answers checkable by hand (issue 18): events are recorded, folded into the hourly
/// roll-up and read back per Japan-time hour, on both providers.
/// </summary>
public abstract class ContactFiguresTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateOnly Day = new(2026, 12, 7);
    private static readonly Guid Department = Guid.Parse("00000000-0000-0000-0000-000000100100");
    private static readonly Guid A1 = Guid.Parse("a1000000-0000-0000-0000-000000000000");
    private static readonly Guid A3 = Guid.Parse("a3000000-0000-0000-0000-000000000000");
    private static readonly Guid A4 = Guid.Parse("a4000000-0000-0000-0000-000000000000");
    private readonly ContactEventRecorder _recorder = new();
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using var context = TestContexts.Hub(_database);
        await context.Database.MigrateAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static DateTime Jst(int hour, int minute, double seconds = 0, int dayOffset = 0) =>
        JapanTime.At(Day.AddDays(dayOffset), new TimeOnly(hour, minute)).UtcDateTime.AddSeconds(seconds);

    private static ContactEvent Event(string key, ContactEventKind kind, ContactChannel channel, DateTime atUtc, Guid? conversation = null) =>
        new(key, kind, channel, atUtc) { ConversationId = conversation };

    // The day: hour 0 has one arrival (and the minute before midnight belongs to the day before); hour 9 has four
    // arrivals, one FAQ answer, two hand-offs answered in 9.9 s and 10.1 s; the arrival at 09:59:59.999 is hour 9's and
    // the one at 10:00:00.000 is hour 10's; hour 10 has an abandonment after 60 s, a congestion message, an escalation to
    // department 100100, a close with wrap-up, and a transfer.
    private static List<ContactEvent> GeneratedDay() =>
    [
        Event("arrived:previous-day", ContactEventKind.Arrived, ContactChannel.WebChat, Jst(23, 59, 59, dayOffset: -1)),
        Event("arrived:midnight", ContactEventKind.Arrived, ContactChannel.Voice, Jst(0, 0)),
        Event("arrived:a1", ContactEventKind.Arrived, ContactChannel.WebChat, Jst(9, 0), A1),
        Event("arrived:a2", ContactEventKind.Arrived, ContactChannel.WebChat, Jst(9, 10)),
        Event("arrived:a3", ContactEventKind.Arrived, ContactChannel.Line, Jst(9, 20), A3),
        new("bot:a2:1", ContactEventKind.BotAnswered, ContactChannel.WebChat, Jst(9, 21)) { FaqId = "12" },
        new("handed_off:a1", ContactEventKind.HandedOff, ContactChannel.WebChat, Jst(9, 30)) { Category = "koseki" },
        new("answered:a1", ContactEventKind.Answered, ContactChannel.WebChat, Jst(9, 30, 9.9)) { WaitMs = 9_900, ConversationId = A1 },
        Event("handed_off:a3", ContactEventKind.HandedOff, ContactChannel.Line, Jst(9, 40)),
        new("answered:a3", ContactEventKind.Answered, ContactChannel.Line, Jst(9, 40, 10.1)) { WaitMs = 10_100, ConversationId = A3 },
        Event("arrived:a4", ContactEventKind.Arrived, ContactChannel.WebChat, Jst(9, 59, 59.999), A4),
        Event("arrived:a5", ContactEventKind.Arrived, ContactChannel.WebChat, Jst(10, 0)),
        Event("handed_off:a4", ContactEventKind.HandedOff, ContactChannel.WebChat, Jst(10, 5)),
        new("abandoned:a4", ContactEventKind.Abandoned, ContactChannel.WebChat, Jst(10, 6)) { WaitMs = 60_000 },
        Event("congestion:call-7", ContactEventKind.Congestion, ContactChannel.Voice, Jst(10, 7)),
        new("escalated:case-1:1", ContactEventKind.Escalated, ContactChannel.WebChat, Jst(10, 30)) { DepartmentId = Department },
        new("closed:a1", ContactEventKind.Closed, ContactChannel.WebChat, Jst(10, 40)) { WrapUpCode = "resolved" },
        Event("transferred:a3:4", ContactEventKind.Transferred, ContactChannel.Line, Jst(10, 45)),
    ];

    private async Task RecordAsync(IReadOnlyList<ContactEvent> events)
    {
        await using var context = TestContexts.Hub(_database);
        await _recorder.RecordAsync(context, events, TestTimeout.Token());
    }

    private async Task<int> FoldAsync(int batchSize = 1000)
    {
        await using var context = TestContexts.Hub(_database);
        var pass = new ContactRollupPass(context);
        var folded = 0;
        int last;
        do
        {
            last = await pass.RunAsync(batchSize, TestTimeout.Token());
            folded += last;
        }
        while (last == batchSize);
        return folded;
    }

    private async Task<IReadOnlyList<ContactFigures>> FiguresAsync(ContactFigureQuery query)
    {
        await using var context = TestContexts.Hub(_database);
        return await new RollupContactFigures(context).HourlyAsync(query, TestTimeout.Token());
    }

    [Fact]
    public async Task HourlyAsync_GeneratedDay_GivesTheHandCountedFiguresPerJapanHour()
    {
        // Arrange: folded in batches of 4, so the day spans several transactions.
        await RecordAsync(GeneratedDay());
        Assert.Equal(18, await FoldAsync(batchSize: 4));

        // Act
        var hours = await FiguresAsync(new ContactFigureQuery(Day, Day));

        // Assert
        Assert.Equal([0, 9, 10], hours.Select(h => h.HourJst.Hour));
        Assert.All(hours, h => Assert.Equal(JapanTime.Offset, h.HourJst.Offset));
        var midnight = hours[0];
        Assert.Equal(1, midnight.Arrived);
        Assert.Equal(0, midnight.Answered);
        var nine = hours[1];
        Assert.Equal((4, 1, 2, 2, 1, 20_000L), (nine.Arrived, nine.BotAnswered, nine.HandedOff, nine.Answered, nine.AnsweredWithin10s, nine.AnswerWaitMsSum));
        Assert.Equal(0, nine.Abandoned);
        var ten = hours[2];
        Assert.Equal((1, 1, 1, 60_000L, 1, 1, 1, 1), (ten.Arrived, ten.HandedOff, ten.Abandoned, ten.AbandonWaitMsSum, ten.Congestion, ten.Escalated, ten.Closed, ten.Transferred));
        Assert.Equal(0, ten.Answered);
    }

    [Fact]
    public async Task HourlyAsync_SatisfactionRatings_CountedAndSummedWhereGivenZeroElsewhere()
    {
        await RecordAsync([.. GeneratedDay(),
            new ContactEvent("satisfaction:a", ContactEventKind.SatisfactionGiven, ContactChannel.WebChat, Jst(9, 5)) { Satisfaction = 4 },
            new ContactEvent("satisfaction:b", ContactEventKind.SatisfactionGiven, ContactChannel.WebChat, Jst(9, 45)) { Satisfaction = 2 }]);
        await FoldAsync();

        var hours = await FiguresAsync(new ContactFigureQuery(Day, Day));

        Assert.Equal((2, 6L), (hours[1].SatisfactionCount, hours[1].SatisfactionSum));
        Assert.All(hours.Where(h => h != hours[1]), h => Assert.Equal(0, h.SatisfactionCount));
    }

    [Fact]
    public async Task HourlyAsync_PerChannelAndDepartment_SplitsTheSameTotals()
    {
        await RecordAsync(GeneratedDay());
        await FoldAsync();

        var perChannel = await FiguresAsync(new ContactFigureQuery(Day, Day, PerChannel: true));
        var department = await FiguresAsync(new ContactFigureQuery(Day, Day, DepartmentId: Department));
        var line = await FiguresAsync(new ContactFigureQuery(Day, Day, Channel: ContactChannel.Line));

        var nine = perChannel.Where(h => h.HourJst.Hour == 9).ToDictionary(h => h.Channel!.Value);
        Assert.Equal(3, nine[ContactChannel.WebChat].Arrived);
        Assert.Equal(1, nine[ContactChannel.Line].Arrived);
        Assert.Equal(1, nine[ContactChannel.WebChat].AnsweredWithin10s);
        Assert.Equal(0, nine[ContactChannel.Line].AnsweredWithin10s);
        var escalation = Assert.Single(department);
        Assert.Equal((10, 1, 0), (escalation.HourJst.Hour, escalation.Escalated, escalation.Arrived));
        Assert.Equal([9, 10], line.Select(h => h.HourJst.Hour));
        Assert.Equal(1, line[1].Transferred);
    }

    [Fact]
    public async Task HourlyAsync_ByProgram_CountsOnlyTheProgramsContactsAndTheTotalsStay()
    {
        var program = Guid.Parse("b1000000-0000-0000-0000-000000000019");
        await RecordAsync(GeneratedDay());
        await RecordAsync(
        [
            new("arrived:p1", ContactEventKind.Arrived, ContactChannel.WebChat, Jst(9, 5)) { ProgramId = program },
            new("arrived:p2", ContactEventKind.Arrived, ContactChannel.Voice, Jst(9, 6)) { ProgramId = program },
            new("handed_off:p1", ContactEventKind.HandedOff, ContactChannel.WebChat, Jst(9, 7)) { ProgramId = program, Category = "koseki" },
        ]);
        await FoldAsync();

        var programOnly = await FiguresAsync(new ContactFigureQuery(Day, Day, ProgramId: program));
        var all = await FiguresAsync(new ContactFigureQuery(Day, Day));

        var nine = Assert.Single(programOnly);
        Assert.Equal((9, 2, 1), (nine.HourJst.Hour, nine.Arrived, nine.HandedOff));
        var allNine = all.Single(h => h.HourJst.Hour == 9);
        Assert.Equal((6, 3), (allNine.Arrived, allNine.HandedOff));
        Assert.Empty(await FiguresAsync(new ContactFigureQuery(Day, Day, ProgramId: Guid.NewGuid())));
    }

    [Fact]
    public async Task RecordAsync_ReplayedEvents_AreCountedOnce()
    {
        // Arrange: the day, folded; then a retried request records a1's answer again (with another wait) and the
        // whole day is replayed, before and after the next fold.
        await RecordAsync(GeneratedDay());
        await FoldAsync();
        await using (var context = TestContexts.Hub(_database))
        {
            var again = new ContactEvent("answered:a1", ContactEventKind.Answered, ContactChannel.WebChat, Jst(9, 31)) { WaitMs = 70_000 };
            Assert.False(await _recorder.RecordAsync(context, again, TestTimeout.Token()));
        }

        await RecordAsync(GeneratedDay());

        // Act
        var folded = await FoldAsync();
        var nine = (await FiguresAsync(new ContactFigureQuery(Day, Day))).Single(h => h.HourJst.Hour == 9);

        // Assert
        Assert.Equal(0, folded);
        Assert.Equal((4, 2, 20_000L), (nine.Arrived, nine.Answered, nine.AnswerWaitMsSum));
        await using var reader = TestContexts.Hub(_database);
        Assert.Equal(18, await reader.ContactEvents.CountAsync(TestTimeout.Token()));
    }

    [Fact]
    public async Task RunAsync_EventsAfterAFold_AreAddedToTheSameHour()
    {
        await RecordAsync(GeneratedDay()[..5]);
        await FoldAsync();
        await RecordAsync(GeneratedDay()[5..]);
        await FoldAsync();

        var nine = (await FiguresAsync(new ContactFigureQuery(Day, Day))).Single(h => h.HourJst.Hour == 9);

        Assert.Equal((4, 1, 2), (nine.Arrived, nine.BotAnswered, nine.Answered));
    }

    [Fact]
    public async Task RunAsync_SeveralNodesAtOnce_CountEachEventOnce()
    {
        // Arrange: 200 arrivals in one hour.
        var events = Enumerable.Range(0, 200).Select(i => Event($"arrived:n{i}", ContactEventKind.Arrived, ContactChannel.Line, Jst(11, 0, i))).ToList();
        await RecordAsync(events);

        // Act: four passes on four connections at once, as on four nodes.
        var folded = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => FoldAsync(batchSize: 30)));

        // Assert
        Assert.Equal(200, folded.Sum());
        var eleven = Assert.Single(await FiguresAsync(new ContactFigureQuery(Day, Day)));
        Assert.Equal(200, eleven.Arrived);
    }

    [Fact]
    public async Task RecordAsync_InARolledBackTransaction_StoresNothing()
    {
        await using (var context = TestContexts.Hub(_database))
        {
            await using var transaction = await context.Database.BeginTransactionAsync(TestTimeout.Token());
            await _recorder.RecordAsync(context, GeneratedDay(), TestTimeout.Token());
            await transaction.RollbackAsync(TestTimeout.Token());
        }

        await using var reader = TestContexts.Hub(_database);
        Assert.Equal(0, await reader.ContactEvents.CountAsync(TestTimeout.Token()));
    }

    [Fact]
    public async Task RecordAsync_StoredValues_ReadBackThroughTheModel()
    {
        var at = Jst(9, 30, 9.9);
        var agent = Guid.NewGuid();
        await RecordAsync([new ContactEvent("answered:x", ContactEventKind.Answered, ContactChannel.Voice, at)
        {
            ConversationId = A1, AgentId = agent, DepartmentId = Department, WaitMs = 9_900, Category = "koseki", FaqId = "12", WrapUpCode = "w",
        }]);

        await using var reader = TestContexts.Hub(_database);
        var stored = await reader.ContactEvents.SingleAsync(e => e.ConversationId == A1 && e.AgentId == agent && e.DepartmentId == Department, TestTimeout.Token());

        Assert.Equal((ContactEventKind.Answered, ContactChannel.Voice, at, 9_900L), (stored.Kind, stored.Channel, stored.OccurredAtUtc, stored.WaitMs!.Value));
        Assert.Equal(("koseki", "12", "w", false), (stored.Category, stored.FaqId, stored.WrapUpCode, stored.RolledUp));
        Assert.Single(await reader.ContactEvents.Where(e => e.OccurredAtUtc == at).ToListAsync(TestTimeout.Token()));
    }
}

public sealed class SqliteContactFiguresTests() : ContactFiguresTests(DatabaseProvider.Sqlite);

public sealed class PostgresContactFiguresTests() : ContactFiguresTests(DatabaseProvider.Postgres);
