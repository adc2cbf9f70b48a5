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
/// An administrator's changes to one slot: the capacity never goes below what is booked (the database refuses it, also
/// while bookings race a shrink), and a closed slot takes no booking or change while keeping what it holds.
/// </summary>
public abstract class ReservationSlotAdministrationTests(DatabaseProvider provider)
{
    private static readonly DateOnly Tuesday = new(2026, 12, 8);

    [Fact]
    public async Task SetCapacity_BelowBooked_RefusedAndUnchanged_AtBookedFillsTheSlot()
    {
        // Arrange: three of four places booked.
        var ct = TestTimeout.Token(120);
        await using var database = await TestDatabase.CreateAsync(provider, ct);
        await using var host = ReservationTestData.Start(database, new TestClock(ReservationTestData.Monday9am));
        var code = await ReservationTestData.CreateProgramAsync(host, ct, capacity: 4);
        var time = await ReservationTestData.TimeAsync(host, code, Tuesday, new TimeOnly(8, 30), ct);
        for (var i = 0; i < 3; i++)
            Assert.True((await ReservationTestData.WithSystemAsync(host.Services, s => s.BookAsync(ReservationTestData.Request(code, time.SlotId, i), ct))).Succeeded);
        var (programId, slotId) = (await ProgramIdAsync(host, code, ct), Guid.Parse(time.SlotId));

        // Act
        var below = await WithSlotsAsync(host, a => a.SetCapacityAsync(programId, slotId, 2, ct));
        var afterBelow = await ReservationTestData.SlotAsync(host, time.SlotId, ct);
        var negative = await WithSlotsAsync(host, a => a.SetCapacityAsync(programId, slotId, -1, ct));
        var otherProgram = await WithSlotsAsync(host, a => a.SetCapacityAsync(Guid.NewGuid(), slotId, 10, ct));
        var atBooked = await WithSlotsAsync(host, a => a.SetCapacityAsync(programId, slotId, 3, ct));
        var full = await ReservationTestData.WithSystemAsync(host.Services, s => s.BookAsync(ReservationTestData.Request(code, time.SlotId, 9), ct));

        // Assert
        Assert.Equal(new ReservationAdminError("Error_BelowBooked", 3), below);
        Assert.Equal((4, 3), afterBelow);
        Assert.Equal("Error_Capacity", negative?.Key);
        Assert.Equal("Error_SlotNotFound", otherProgram?.Key);
        Assert.Null(atBooked);
        Assert.Equal((3, 3), await ReservationTestData.SlotAsync(host, time.SlotId, ct));
        Assert.Equal((ReservationError?)ReservationError.Full, full.Error);
    }

    [Fact]
    public async Task SetClosed_ClosedSlotRefusesBookingAndChange_KeepsItsReservation_ReopenTakesBookings()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        await using var database = await TestDatabase.CreateAsync(provider, ct);
        await using var host = ReservationTestData.Start(database, new TestClock(ReservationTestData.Monday9am));
        var code = await ReservationTestData.CreateProgramAsync(host, ct);
        var closing = await ReservationTestData.TimeAsync(host, code, Tuesday, new TimeOnly(8, 30), ct);
        var other = await ReservationTestData.TimeAsync(host, code, Tuesday, new TimeOnly(9, 30), ct);
        var kept = await ReservationTestData.WithSystemAsync(host.Services, s => s.BookAsync(ReservationTestData.Request(code, closing.SlotId, 1), ct));
        var elsewhere = await ReservationTestData.WithSystemAsync(host.Services, s => s.BookAsync(ReservationTestData.Request(code, other.SlotId, 2), ct));
        var programId = await ProgramIdAsync(host, code, ct);

        // Act
        Assert.Null(await WithSlotsAsync(host, a => a.SetClosedAsync(programId, Guid.Parse(closing.SlotId), true, ct)));
        var times = await ReservationTestData.WithSystemAsync(host.Services, s => s.FreeTimesAsync(code, Tuesday, ct));
        var refused = await ReservationTestData.WithSystemAsync(host.Services, s => s.BookAsync(ReservationTestData.Request(code, closing.SlotId, 3), ct));
        var changeInto = await ReservationTestData.WithSystemAsync(host.Services, s => s.ChangeAsync(code, elsewhere.Reservation!.Number, "09000000002", closing.SlotId, new ReservationActor("staff:operator"), ct));
        var stillThere = await ReservationTestData.WithSystemAsync(host.Services, s => s.FindAsync(code, kept.Reservation!.Number, "09000000001", ct));
        Assert.Null(await WithSlotsAsync(host, a => a.SetClosedAsync(programId, Guid.Parse(closing.SlotId), false, ct)));
        var reopened = await ReservationTestData.WithSystemAsync(host.Services, s => s.BookAsync(ReservationTestData.Request(code, closing.SlotId, 4), ct));

        // Assert
        Assert.DoesNotContain(times, t => t.SlotId == closing.SlotId);
        Assert.Equal((ReservationError?)ReservationError.SlotUnavailable, refused.Error);
        Assert.Equal((ReservationError?)ReservationError.SlotUnavailable, changeInto.Error);
        Assert.Equal(ReservationStatus.Booked, stillThere.Reservation!.Status);
        Assert.True(reopened.Succeeded, reopened.Message);
        Assert.Equal((4, 2), await ReservationTestData.SlotAsync(host, closing.SlotId, ct));
    }

    [Fact]
    public async Task SetCapacity_ShrinkingWhileBookingsRace_NeverOverbooks()
    {
        // Arrange: 30 places, 20 booked; then 60 bookings race 40 shrinks towards 20.
        var ct = TestTimeout.Token(240);
        await using var database = await TestDatabase.CreateAsync(provider, ct);
        await using var host = ReservationTestData.Start(database, new TestClock(ReservationTestData.Monday9am));
        var code = await ReservationTestData.CreateProgramAsync(host, ct, capacity: 30);
        var time = await ReservationTestData.TimeAsync(host, code, Tuesday, new TimeOnly(9, 30), ct);
        for (var i = 0; i < 20; i++)
            Assert.True((await ReservationTestData.WithSystemAsync(host.Services, s => s.BookAsync(ReservationTestData.Request(code, time.SlotId, 10_000 + i), ct))).Succeeded);
        var (programId, slotId) = (await ProgramIdAsync(host, code, ct), Guid.Parse(time.SlotId));

        // Act
        using var start = new ManualResetEventSlim();
        var bookings = Enumerable.Range(0, 60).Select(i => Task.Run(async () =>
        {
            start.Wait(ct);
            return await ReservationTestData.WithSystemAsync(host.Services, s => s.BookAsync(ReservationTestData.Request(code, time.SlotId, i), ct));
        }, ct)).ToList();
        var shrinks = Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            start.Wait(ct);
            var capacity = 29 - (i % 10);
            return (capacity, await WithSlotsAsync(host, a => a.SetCapacityAsync(programId, slotId, capacity, ct)));
        }, ct)).ToList();
        start.Set();
        var booked = await Task.WhenAll(bookings);
        var shrunk = await Task.WhenAll(shrinks);

        // Assert: whatever the order, the slot holds no more than its capacity and its count is the reservations'.
        var (capacityAfter, bookedAfter) = await ReservationTestData.SlotAsync(host, time.SlotId, ct);
        await using var scope = host.Services.CreateAsyncScope();
        var reservations = await scope.ServiceProvider.GetRequiredService<HandoffDbContext>().Reservations
            .CountAsync(r => r.SlotId == slotId && r.Status == ReservationStatus.Booked, ct);
        Assert.True(bookedAfter <= capacityAfter, $"{bookedAfter} booked of {capacityAfter}");
        Assert.Equal(20 + booked.Count(b => b.Succeeded), bookedAfter);
        Assert.Equal(bookedAfter, reservations);
        Assert.All(booked.Where(b => !b.Succeeded), b => Assert.Equal((ReservationError?)ReservationError.Full, b.Error));
        Assert.All(shrunk.Where(s => s.Item2 is not null), s => Assert.Equal("Error_BelowBooked", s.Item2!.Key));
    }

    internal static async Task<Guid> ProgramIdAsync(HubHost host, string code, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HandoffDbContext>().Programs.Where(p => p.Code == code).Select(p => p.Id).SingleAsync(ct);
    }

    private static async Task<T> WithSlotsAsync<T>(HubHost host, Func<ReservationSlotAdministration, Task<T>> step)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await step(scope.ServiceProvider.GetRequiredService<ReservationSlotAdministration>());
    }
}

public sealed class SqliteReservationSlotAdministrationTests() : ReservationSlotAdministrationTests(DatabaseProvider.Sqlite);

public sealed class PostgresReservationSlotAdministrationTests() : ReservationSlotAdministrationTests(DatabaseProvider.Postgres);
