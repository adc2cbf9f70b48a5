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
/// The daily self-service roll-ups by program (施策, issue 19): bot conversations, their hand-offs and FAQ answers are
/// folded onto the program's rows, read back per program or for everyone, on both providers.
/// </summary>
public abstract class SelfServiceFiguresTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateOnly Day = new(2026, 12, 7);
    private static readonly Guid Program = Guid.Parse("b1000000-0000-0000-0000-000000000019");
    private static readonly Guid Other = Guid.Parse("b2000000-0000-0000-0000-000000000019");
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using var context = TestContexts.Hub(_database);
        await context.Database.MigrateAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static DateTime Jst(int hour) => JapanTime.At(Day, new TimeOnly(hour, 0)).UtcDateTime;

    private static ContactEvent Bot(string key, Guid conversation, Guid? program, string faq, ContactChannel channel = ContactChannel.WebChat) =>
        new("bot:" + key, ContactEventKind.BotAnswered, channel, Jst(10)) { ConversationId = conversation, ProgramId = program, FaqId = faq };

    private static ContactEvent HandedOff(string key, Guid conversation, Guid? program) =>
        new("handed_off:" + key, ContactEventKind.HandedOff, ContactChannel.WebChat, Jst(11)) { ConversationId = conversation, ProgramId = program };

    private async Task RecordAndFoldAsync(IReadOnlyList<ContactEvent> events)
    {
        await using var context = TestContexts.Hub(_database);
        await new ContactEventRecorder().RecordAsync(context, events, TestTimeout.Token());
        await new ContactRollupPass(context).RunAsync(1000, TestTimeout.Token());
    }

    [Fact]
    public async Task BotConversationsAndTopFaqAnswers_ByProgram_CountOnlyTheProgramsConversations()
    {
        // Arrange: the program's two web chats (one answered twice with FAQ 7, one handed off in a later pass) and a
        // LINE chat; another program's chat; two chats of no program.
        var (p1, p2, p3, q1, n1, n2) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await RecordAndFoldAsync(
        [
            Bot("p1a", p1, Program, "7"), Bot("p1b", p1, Program, "7"), Bot("p2", p2, Program, "8"), Bot("p3", p3, Program, "7", ContactChannel.Line),
            Bot("q1", q1, Other, "7"), Bot("n1", n1, null, "9"), Bot("n2", n2, null, "7"), HandedOff("n2", n2, null),
        ]);
        await RecordAndFoldAsync([HandedOff("p2", p2, Program)]);

        // Act
        await using var context = TestContexts.Hub(_database);
        var figures = new RollupSelfServiceFigures(context);
        var ct = TestTimeout.Token();
        var programBots = await figures.BotConversationsAsync(Day, Day, null, Program, ct);
        var programWebChat = await figures.BotConversationsAsync(Day, Day, ContactChannel.WebChat, Program, ct);
        var allBots = await figures.BotConversationsAsync(Day, Day, null, null, ct);
        var programFaqs = await figures.TopFaqAnswersAsync(Day, Day, null, Program, 10, ct);
        var allFaqs = await figures.TopFaqAnswersAsync(Day, Day, null, null, 10, ct);
        var nobody = await figures.BotConversationsAsync(Day, Day, null, Guid.NewGuid(), ct);

        // Assert
        Assert.Equal([(ContactChannel.WebChat, 2, 1), (ContactChannel.Line, 1, 0)], programBots.Select(b => (b.Channel, b.BotConversations, b.HandedOff)));
        Assert.Equal([(ContactChannel.WebChat, 2, 1)], programWebChat.Select(b => (b.Channel, b.BotConversations, b.HandedOff)));
        Assert.Equal([(ContactChannel.WebChat, 5, 2), (ContactChannel.Line, 1, 0)], allBots.Select(b => (b.Channel, b.BotConversations, b.HandedOff)));
        Assert.Equal([("7", 3), ("8", 1)], programFaqs.Select(f => (f.FaqId, f.Answers)));
        Assert.Equal([("7", 5), ("8", 1), ("9", 1)], allFaqs.Select(f => (f.FaqId, f.Answers)));
        Assert.Empty(nobody);
    }
}

public sealed class SqliteSelfServiceFiguresTests() : SelfServiceFiguresTests(DatabaseProvider.Sqlite);

public sealed class PostgresSelfServiceFiguresTests() : SelfServiceFiguresTests(DatabaseProvider.Postgres);
