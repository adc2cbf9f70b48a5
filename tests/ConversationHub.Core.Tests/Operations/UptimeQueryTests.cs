using ConversationHub.Core.Operations;
using ConversationHub.Core.Persistence;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConversationHub.Core.Tests.Operations;

/// <summary>Availability from the nodes' heartbeats (issue 18), on a day in Japan time with hand-checked gaps.</summary>
public abstract class UptimeQueryTests(DatabaseProvider provider)
{
    // 2026-12-01 00:00 in Japan.
    private static readonly DateTime DayStartUtc = new(2026, 11, 30, 15, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Availability_TwoNodesADeathAndACleanStop_CountsTheUnionOfRuns()
    {
        // Arrange: node A from midnight, dies after its beat at +12:00 (counted to +12:00:30); node B overlaps it and
        // dies after +12:10; nobody runs until +13:00; node C runs to a clean stop at +23:59. Down: 49.5 + 1 minutes.
        var ct = TestTimeout.Token();
        await using var database = await TestDatabase.CreateAsync(provider, ct);
        await SeedAsync(database, ct,
            Run("a", DayStartUtc, DayStartUtc.AddHours(12)),
            Run("b", DayStartUtc.AddHours(11), DayStartUtc.AddHours(12).AddMinutes(10)),
            Run("c", DayStartUtc.AddHours(13), DayStartUtc.AddHours(23).AddMinutes(59), stopped: true));

        // Act
        var availability = await QueryAsync(database, DayStartUtc.AddDays(2), DayStartUtc, DayStartUtc.AddDays(1), ct);

        // Assert
        Assert.Equal(TimeSpan.FromHours(24), availability.Measured);
        Assert.Equal(TimeSpan.FromHours(24) - TimeSpan.FromSeconds((49 * 60) + 30 + 60), availability.Up);
        Assert.Equal(1 - (3030 / 86400d), availability.Ratio!.Value, 9);
    }

    [Fact]
    public async Task Availability_InstalledMidPeriodAndStillRunning_MeasuresFromFirstStartToNow()
    {
        // Arrange: the first run ever starts at noon and is still beating (last beat 10 s before now).
        var ct = TestTimeout.Token();
        await using var database = await TestDatabase.CreateAsync(provider, ct);
        var now = DayStartUtc.AddHours(18);
        await SeedAsync(database, ct, Run("a", DayStartUtc.AddHours(12), now.AddSeconds(-10)));

        // Act
        var availability = await QueryAsync(database, now, DayStartUtc, DayStartUtc.AddDays(1), ct);

        // Assert: six hours measured, all of them up; nothing before the installation counts as down.
        Assert.Equal(DayStartUtc.AddHours(12), availability.MeasuredFromUtc);
        Assert.Equal(TimeSpan.FromHours(6), availability.Measured);
        Assert.Equal(TimeSpan.FromHours(6), availability.Up);
        Assert.Equal(1d, availability.Ratio);
    }

    [Fact]
    public async Task Availability_NoRunsRecorded_IsNotMeasuredRatherThanZero()
    {
        // Arrange
        var ct = TestTimeout.Token();
        await using var database = await TestDatabase.CreateAsync(provider, ct);
        await SeedAsync(database, ct);

        // Act
        var availability = await QueryAsync(database, DayStartUtc.AddDays(2), DayStartUtc, DayStartUtc.AddDays(1), ct);

        // Assert
        Assert.Equal(TimeSpan.Zero, availability.Measured);
        Assert.Null(availability.Ratio);
    }

    private static NodeUptime Run(string node, DateTime startedUtc, DateTime lastSeenUtc, bool stopped = false) =>
        new(node, startedUtc) { LastSeenAtUtc = lastSeenUtc, StoppedAtUtc = stopped ? lastSeenUtc : null };

    private static async Task SeedAsync(TestDatabase database, CancellationToken ct, params NodeUptime[] runs)
    {
        await using var context = TestContexts.Hub(database);
        await context.Database.MigrateAsync(ct);
        context.NodeUptime.AddRange(runs);
        await context.SaveChangesAsync(ct);
    }

    private static async Task<Availability> QueryAsync(TestDatabase database, DateTime nowUtc, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        await using var context = TestContexts.Hub(database);
        var query = new UptimeQuery(context, Options.Create(new UptimeOptions { HeartbeatInterval = TimeSpan.FromSeconds(30) }), new TestClock(nowUtc));
        return await query.AvailabilityAsync(fromUtc, toUtc, ct);
    }
}

public sealed class SqliteUptimeQueryTests() : UptimeQueryTests(DatabaseProvider.Sqlite);

public sealed class PostgresUptimeQueryTests() : UptimeQueryTests(DatabaseProvider.Postgres);
