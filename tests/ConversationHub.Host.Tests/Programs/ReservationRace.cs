using ConversationHub.Core.Programs;
using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ConversationHub.Host.Tests.Infrastructure;

namespace ConversationHub.Host.Tests.Programs;

/// <summary>
/// The race the issue names: a slot of 30 places with 20 booked, then 200 simultaneous bookings for its last 10 places,
/// split over the given nodes (each booking in a scope of its own, as 200 requests would be).
/// </summary>
internal static class ReservationRace
{
    public static async Task<(IReadOnlyList<ReservationResult> Results, string SlotId)> RunAsync(IReadOnlyList<HubHost> nodes, CancellationToken ct)
    {
        var code = await ReservationTestData.CreateProgramAsync(nodes[0], ct, capacity: 30);
        var time = await ReservationTestData.TimeAsync(nodes[0], code, new DateOnly(2026, 12, 8), new TimeOnly(9, 30), ct);
        for (var i = 0; i < 20; i++)
        {
            var earlier = await ReservationTestData.WithSystemAsync(nodes[0].Services, s => s.BookAsync(ReservationTestData.Request(code, time.SlotId, 10_000 + i), ct));
            Assert.True(earlier.Succeeded, earlier.Message);
        }

        using var start = new ManualResetEventSlim();
        var racers = Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            start.Wait(ct);
            return await ReservationTestData.WithSystemAsync(nodes[i % nodes.Count].Services, s => s.BookAsync(ReservationTestData.Request(code, time.SlotId, i), ct));
        }, ct)).ToList();
        start.Set();
        return (await Task.WhenAll(racers), time.SlotId);
    }

    /// <summary>Exactly 10 of the racers got a place (distinct numbers), the rest were told 満席, and the slot is full, not over.</summary>
    public static async Task AssertExactlyTenAsync(IReadOnlyList<ReservationResult> results, string slotId, HubHost node, CancellationToken ct)
    {
        Assert.Equal(10, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal((ReservationError?)ReservationError.Full, r.Error));
        Assert.Equal(10, results.Where(r => r.Succeeded).Select(r => r.Reservation!.Number).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal((30, 30), await ReservationTestData.SlotAsync(node, slotId, ct));
        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        Assert.Equal(30, await db.Reservations.CountAsync(r => r.SlotId == Guid.Parse(slotId) && r.Status == ReservationStatus.Booked, ct));
    }
}
