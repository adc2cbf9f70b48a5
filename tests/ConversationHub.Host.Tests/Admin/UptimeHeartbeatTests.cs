using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Admin;

/// <summary>Each node records its own run (issue 18's availability figure): a row at start, heartbeats, the clean stop.</summary>
public sealed class UptimeHeartbeatTests
{
    [Fact]
    public async Task Node_RunsThenStops_RowBeatsAndRecordsTheStop()
    {
        // Arrange: a node beating every second.
        var ct = TestTimeout.Token(120);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, ct);
        var settings = new Dictionary<string, string?> { ["Uptime:HeartbeatInterval"] = "00:00:01" };
        var host = HubHost.Start(database, ownsDatabase: false, TestPii.CreateOptions(), settings);
        Guid runId;
        try
        {
            // Act: wait for two beats after the start.
            using var scope = host.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var run = await Eventually.UntilAsync(
                async () => (await db.NodeUptime.AsNoTracking().ToListAsync(ct)).FirstOrDefault(u => u.LastSeenAtUtc >= u.StartedAtUtc.AddSeconds(2)),
                "two heartbeats after the start", ct);
            runId = run.Id;
        }
        finally
        {
            await host.DisposeAsync();
        }

        // Assert: one run, stopped cleanly, its stop its last sighting.
        await using var context = TestContexts.Hub(database);
        var stored = await context.NodeUptime.AsNoTracking().SingleAsync(ct);
        Assert.Equal(runId, stored.Id);
        Assert.NotNull(stored.StoppedAtUtc);
        Assert.Equal(stored.StoppedAtUtc, stored.LastSeenAtUtc);
    }
}
