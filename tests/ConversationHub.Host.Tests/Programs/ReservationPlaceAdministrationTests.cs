using ConversationHub.Core.Persistence;
using ConversationHub.Core.Programs;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Programs.Reservations;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Programs;

/// <summary>
/// Editing and removing a place: a new name shows on free times and on existing reservations; a place with bookings
/// from today on is not removed (the error counts them, nothing changes); once they are cancelled it is removed with
/// its empty slots from today on, while past slots, the slot a cancelled reservation points to and the reservations stay.
/// </summary>
public abstract class ReservationPlaceAdministrationTests(DatabaseProvider provider)
{
    private static readonly DateOnly Tuesday = new(2026, 12, 8);
    private static readonly DateOnly LastThursday = new(2026, 12, 3);

    [Fact]
    public async Task EditAndRemove_RenamesEverywhere_RefusedWhileBooked_ThenRemovesOnlyFutureEmptySlots()
    {
        // Arrange: slots last week too (kept for the ledger), two bookings on Tuesday, one of them later cancelled.
        var ct = TestTimeout.Token(180);
        await using var database = await TestDatabase.CreateAsync(provider, ct);
        await using var host = ReservationTestData.Start(database, new TestClock(ReservationTestData.Monday9am));
        var code = await ReservationTestData.CreateProgramAsync(host, ct);
        var programId = await ReservationSlotAdministrationTests.ProgramIdAsync(host, code, ct);
        Guid placeId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
            var program = await db.Programs.SingleAsync(p => p.Id == programId, ct);
            await scope.ServiceProvider.GetRequiredService<ReservationSlotGenerator>().GenerateAsync(program, LastThursday, LastThursday, ct);
            placeId = await db.ReservationPlaces.Where(p => p.ProgramId == programId).Select(p => p.Id).SingleAsync(ct);
        }

        var time = await ReservationTestData.TimeAsync(host, code, Tuesday, new TimeOnly(8, 30), ct);
        var later = await ReservationTestData.TimeAsync(host, code, Tuesday, new TimeOnly(10, 30), ct);
        var first = await ReservationTestData.WithSystemAsync(host.Services, s => s.BookAsync(ReservationTestData.Request(code, time.SlotId, 1), ct));
        var second = await ReservationTestData.WithSystemAsync(host.Services, s => s.BookAsync(ReservationTestData.Request(code, later.SlotId, 2), ct));
        var before = await SlotCountsAsync(host, placeId, ct);

        // Act
        var empty = await WithPlacesAsync(host, a => a.EditAsync(programId, placeId, " ", "若葉市本町1-1", ct));
        var renamed = await WithPlacesAsync(host, a => a.EditAsync(programId, placeId, "本庁舎 2階 市民課", "若葉市本町1-1 2階", ct));
        var shown = await ReservationTestData.WithSystemAsync(host.Services, s => s.FindAsync(code, first.Reservation!.Number, "09000000001", ct));
        var freeTimes = await ReservationTestData.WithSystemAsync(host.Services, s => s.FreeTimesAsync(code, Tuesday, ct));
        var refused = await WithPlacesAsync(host, a => a.RemoveAsync(programId, placeId, ct));
        var afterRefused = await SlotCountsAsync(host, placeId, ct);
        var stillBookable = await ReservationTestData.WithSystemAsync(host.Services, s => s.FreeTimesAsync(code, Tuesday, ct));
        foreach (var (number, phone) in new[] { (first.Reservation!.Number, "09000000001"), (second.Reservation!.Number, "09000000002") })
            Assert.True((await ReservationTestData.WithSystemAsync(host.Services, s => s.CancelAsync(code, number, phone, new ReservationActor("staff:operator"), ct))).Succeeded);
        var removed = await WithPlacesAsync(host, a => a.RemoveAsync(programId, placeId, ct));
        var again = await WithPlacesAsync(host, a => a.RemoveAsync(programId, placeId, ct));
        var after = await SlotCountsAsync(host, placeId, ct);
        var found = await ReservationTestData.WithSystemAsync(host.Services, s => s.FindAsync(code, first.Reservation.Number, "09000000001", ct));
        var days = await ReservationTestData.WithSystemAsync(host.Services, s => s.NextFreeDaysAsync(code, 10, ct));

        // Assert: the edit.
        Assert.Equal("Error_Place", empty?.Key);
        Assert.Null(renamed);
        Assert.Equal(("本庁舎 2階 市民課", "若葉市本町1-1 2階"), (shown.Reservation!.Place, shown.Reservation.PlaceAddress));
        Assert.All(freeTimes, t => Assert.Equal("本庁舎 2階 市民課", t.Place));
        // Refused while two are booked: nothing changed, the slots still take bookings.
        Assert.Equal((new ReservationAdminError("Error_PlaceHasBookings", 2), 0), refused);
        Assert.Equal(before, afterRefused);
        Assert.Equal(freeTimes.Count, stillBookable.Count);
        // Removed: last Thursday's 8 slots stay, the two slots the cancelled reservations point to stay closed, the rest go.
        Assert.Null(removed.Error);
        Assert.Equal(before.Future - 2, removed.SlotsRemoved);
        Assert.Equal("Error_PlaceNotFound", again.Error?.Key);
        Assert.Equal((8, 2, 2), (after.Past, after.Future, after.ClosedFuture));
        Assert.Equal(("本庁舎 2階 市民課", ReservationStatus.Cancelled), (found.Reservation!.Place, found.Reservation.Status));
        Assert.Empty(days);
        await using var check = host.Services.CreateAsyncScope();
        var handoff = check.ServiceProvider.GetRequiredService<HandoffDbContext>();
        Assert.Empty(await check.ServiceProvider.GetRequiredService<ReservationAdministration>().PlacesAsync(programId, ct));
        Assert.NotNull((await handoff.ReservationPlaces.AsNoTracking().SingleAsync(p => p.Id == placeId, ct)).RemovedAtUtc);
        Assert.Equal(2, await handoff.Reservations.CountAsync(r => r.ProgramId == programId, ct));
    }

    private static async Task<(int Past, int Future, int ClosedFuture)> SlotCountsAsync(HubHost host, Guid placeId, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var slots = await scope.ServiceProvider.GetRequiredService<HandoffDbContext>().ReservationSlots.AsNoTracking().Where(s => s.PlaceId == placeId).ToListAsync(ct);
        var today = new DateOnly(2026, 12, 7);
        return (slots.Count(s => s.Day < today), slots.Count(s => s.Day >= today), slots.Count(s => s.Day >= today && s.Closed));
    }

    private static async Task<T> WithPlacesAsync<T>(HubHost host, Func<ReservationPlaceAdministration, Task<T>> step)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await step(scope.ServiceProvider.GetRequiredService<ReservationPlaceAdministration>());
    }
}

public sealed class SqliteReservationPlaceAdministrationTests() : ReservationPlaceAdministrationTests(DatabaseProvider.Sqlite);

public sealed class PostgresReservationPlaceAdministrationTests() : ReservationPlaceAdministrationTests(DatabaseProvider.Postgres);
