using ConversationHub.Core.Persistence;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Core.Tests.Persistence;

/// <summary>
/// The hourly roll-up's program dimension (issue 19) on a database that already has figures: every row and counter
/// survives the key change (a table rebuild on SQLite) and belongs to no program.
/// </summary>
public abstract class ContactHourlyProgramMigrationTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Before = "20261206160000_SelfServiceRollups";
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Migrate_ExistingFigures_KeepTheirCountersWithoutAProgram()
    {
        var ct = TestTimeout.Token();
        await using (var context = TestContexts.Hub(_database))
        {
            await context.GetService<IMigrator>().MigrateAsync(Before, ct);
            await context.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO contact_hourly ("HourStartUtc", "Channel", "DepartmentId", "Category", "Arrived", "BotAnswered", "HandedOff", "Offered",
                    "Answered", "AnsweredWithin10s", "AnswerWaitMsSum", "Abandoned", "AbandonWaitMsSum", "Transferred", "Escalated", "Closed",
                    "Congestion", "SatisfactionCount", "SatisfactionSum")
                VALUES ({0}, 'WebChat', {1}, 'koseki', 7, 1, 2, 2, 2, 1, 19000, 0, 0, 0, 0, 1, 0, 1, 5)
                """,
                [new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), Guid.Empty], ct);
            await context.Database.MigrateAsync(ct);
        }

        await using var read = TestContexts.Hub(_database);
        var row = await read.ContactHourly.AsNoTracking().SingleAsync(ct);
        Assert.Equal((Guid.Empty, 7, 2, 19000L, 5L), (row.ProgramId, row.Arrived, row.Answered, row.AnswerWaitMsSum, row.SatisfactionSum));
        Assert.Equal("koseki", row.Category);
    }
}

public sealed class SqliteContactHourlyProgramMigrationTests() : ContactHourlyProgramMigrationTests(DatabaseProvider.Sqlite);

public sealed class PostgresContactHourlyProgramMigrationTests() : ContactHourlyProgramMigrationTests(DatabaseProvider.Postgres);
