using ConversationHub.Core.ContactEvents.Domain;
using ConversationHub.Core.ContactEvents.Rollup.SelfService;
using ConversationHub.Core.Persistence;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Core.Tests.Persistence;

/// <summary>
/// The self-service roll-ups' program dimension (issue 19) on a database that already has figures: every row and
/// counter survives the key change (a table rebuild on SQLite) and belongs to no program; a program's row can then sit
/// beside the old one under the same day, channel and FAQ.
/// </summary>
public abstract class SelfServiceRollupsProgramMigrationTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Before = "20261207000000_ConversationLanguage";
    private static readonly DateOnly Day = new(2026, 12, 1);
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Migrate_ExistingDailyFigures_KeepTheirCountsWithoutAProgram()
    {
        // Arrange: the schema before the program column, with a day of bot and FAQ figures.
        var ct = TestTimeout.Token();
        await using (var context = TestContexts.Hub(_database))
        {
            await context.GetService<IMigrator>().MigrateAsync(Before, ct);
            await context.Database.ExecuteSqlRawAsync(
                """INSERT INTO contact_bot_daily ("DayJst", "Channel", "BotConversations", "HandedOff") VALUES ({0}, 'WebChat', 12, 5), ({0}, 'Line', 4, 0)""",
                [Day], ct);
            await context.Database.ExecuteSqlRawAsync(
                """INSERT INTO contact_faq_daily ("DayJst", "Channel", "FaqId", "Answers") VALUES ({0}, 'WebChat', '42', 9), ({0}, 'WebChat', '43', 2)""",
                [Day], ct);

            // Act
            await context.Database.MigrateAsync(ct);
        }

        // Assert: the same rows and counts, no program; a program's row is a row of its own.
        await using var read = TestContexts.Hub(_database);
        var bots = await read.Set<ContactBotDaily>().AsNoTracking().OrderBy(r => r.BotConversations).ToListAsync(ct);
        Assert.Equal(
            [(Day, ContactChannel.Line, Guid.Empty, 4, 0), (Day, ContactChannel.WebChat, Guid.Empty, 12, 5)],
            bots.Select(r => (r.DayJst, r.Channel, r.ProgramId, r.BotConversations, r.HandedOff)));
        var faqs = await read.Set<ContactFaqDaily>().AsNoTracking().OrderBy(r => r.FaqId).ToListAsync(ct);
        Assert.Equal([("42", Guid.Empty, 9), ("43", Guid.Empty, 2)], faqs.Select(r => (r.FaqId, r.ProgramId, r.Answers)));
        var program = Guid.NewGuid();
        read.Add(new ContactBotDaily(Day, ContactChannel.WebChat, program) { BotConversations = 1 });
        read.Add(new ContactFaqDaily(Day, ContactChannel.WebChat, "42", program) { Answers = 1 });
        await read.SaveChangesAsync(ct);
        Assert.Equal(2, await read.Set<ContactFaqDaily>().CountAsync(r => r.FaqId == "42", ct));
    }
}

public sealed class SqliteSelfServiceRollupsProgramMigrationTests() : SelfServiceRollupsProgramMigrationTests(DatabaseProvider.Sqlite);

public sealed class PostgresSelfServiceRollupsProgramMigrationTests() : SelfServiceRollupsProgramMigrationTests(DatabaseProvider.Postgres);
