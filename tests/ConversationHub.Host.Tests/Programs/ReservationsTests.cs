using ConversationHub.Core.Persistence;
using ConversationHub.Core.Programs;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Programs.Reservations;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Programs;

/// <summary>
/// The built-in reservation system (issue 19) on a real database: capacity under 200 simultaneous bookings, change and
/// cancel moving places, slots from the program's calendar (closed days, the second Sunday, 年末年始), the wrong
/// number or phone, and the notices' e-mail.
/// </summary>
public abstract class ReservationsTests(DatabaseProvider provider)
{
    private static readonly DateOnly Tuesday = new(2026, 12, 8);

    [Fact]
    public async Task BookAsync_200SimultaneousForLast10Places_Exactly10Succeed()
    {
        // Arrange
        var ct = TestTimeout.Token(240);
        await using var database = await TestDatabase.CreateAsync(provider, ct);
        await using var host = ReservationTestData.Start(database, new TestClock(ReservationTestData.Monday9am));

        // Act
        var (results, slotId) = await ReservationRace.RunAsync([host], ct);

        // Assert
        await ReservationRace.AssertExactlyTenAsync(results, slotId, host, ct);
    }

    [Fact]
    public async Task ChangeAndCancel_MoveAndGiveBackPlaces_WrongPhoneChangesNothing()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        await using var database = await TestDatabase.CreateAsync(provider, ct);
        await using var host = ReservationTestData.Start(database, new TestClock(ReservationTestData.Monday9am));
        var code = await ReservationTestData.CreateProgramAsync(host, ct, capacity: 1);
        var first = await ReservationTestData.TimeAsync(host, code, Tuesday, new TimeOnly(8, 30), ct);
        var second = await ReservationTestData.TimeAsync(host, code, Tuesday, new TimeOnly(9, 30), ct);
        var actor = new ReservationActor("staff:operator");
        var booked = await ReservationTestData.WithSystemAsync(host.Services, s => s.BookAsync(ReservationTestData.Request(code, first.SlotId, 1), ct));
        var number = booked.Reservation!.Number;

        // Act
        var full = await ReservationTestData.WithSystemAsync(host.Services, s => s.BookAsync(ReservationTestData.Request(code, first.SlotId, 2), ct));
        var wrongPhone = await ReservationTestData.WithSystemAsync(host.Services, s => s.CancelAsync(code, number, "0311112222", actor, ct));
        var changed = await ReservationTestData.WithSystemAsync(host.Services, s => s.ChangeAsync(code, number, "090-0000-0001", second.SlotId, actor, ct));
        var afterChange = (await ReservationTestData.SlotAsync(host, first.SlotId, ct), await ReservationTestData.SlotAsync(host, second.SlotId, ct));
        var rebook = await ReservationTestData.WithSystemAsync(host.Services, s => s.BookAsync(ReservationTestData.Request(code, first.SlotId, 3), ct));
        var cancelled = await ReservationTestData.WithSystemAsync(host.Services, s => s.CancelAsync(code, Wide(number), "０９０－００００－０００１", actor, ct));
        var again = await ReservationTestData.WithSystemAsync(host.Services, s => s.CancelAsync(code, number, "09000000001", actor, ct));
        var found = await ReservationTestData.WithSystemAsync(host.Services, s => s.FindAsync(code, number, "09000000001", ct));

        // Assert
        Assert.True(booked.Succeeded, booked.Message);
        Assert.Equal(ReservationTestData.WhatToBring, booked.Reservation.WhatToBring);
        Assert.Equal((ReservationError?)ReservationError.Full, full.Error);
        Assert.Contains("満席", full.Message, StringComparison.Ordinal);
        Assert.Equal(("予約番号または電話番号が違います。", (ReservationError?)ReservationError.NotFound), (wrongPhone.Message, wrongPhone.Error));
        Assert.True(changed.Succeeded, changed.Message);
        Assert.Equal(new TimeOnly(9, 30), changed.Reservation!.Starts);
        Assert.Equal(((1, 0), (1, 1)), afterChange);
        Assert.True(rebook.Succeeded, rebook.Message);
        Assert.True(cancelled.Succeeded, cancelled.Message);
        Assert.Equal((1, 0), await ReservationTestData.SlotAsync(host, second.SlotId, ct));
        Assert.Equal((ReservationError?)ReservationError.AlreadyCancelled, again.Error);
        Assert.Equal(ReservationStatus.Cancelled, found.Reservation!.Status);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var kinds = await db.ReservationChanges.AsNoTracking().Where(c => c.ReservationId == db.Reservations.Single(r => r.Number == number).Id)
            .OrderBy(c => c.AtUtc).Select(c => c.Kind).ToListAsync(ct);
        Assert.Equal([ReservationChangeKind.Booked, ReservationChangeKind.Changed, ReservationChangeKind.Cancelled], kinds);
    }

    [Fact]
    public async Task GenerateAsync_ClosedDaysSecondSundayAndYearEnd_SlotsOnlyOnOpenDays_BookedSlotsKept()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        await using var database = await TestDatabase.CreateAsync(provider, ct);
        await using var host = ReservationTestData.Start(database, new TestClock(ReservationTestData.Monday9am));
        var code = await ReservationTestData.CreateProgramAsync(host, ct);
        var booked = await ReservationTestData.WithSystemAsync(host.Services, async s =>
            await s.BookAsync(ReservationTestData.Request(code, (await ReservationTestData.TimeAsync(host, code, Tuesday, new TimeOnly(15, 30), ct)).SlotId, 1), ct));
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var program = await db.Programs.AsNoTracking().SingleAsync(p => p.Code == code, ct);
        var generator = scope.ServiceProvider.GetRequiredService<ReservationSlotGenerator>();

        // Act: the year end, then shorter slots over the first week (the booked 15:30 no longer fits a 45-minute grid).
        var yearEnd = await generator.GenerateAsync(program, new DateOnly(2026, 12, 28), new DateOnly(2027, 1, 4), ct);
        var again = await generator.GenerateAsync(program, new DateOnly(2026, 12, 28), new DateOnly(2027, 1, 4), ct);
        await scope.ServiceProvider.GetRequiredService<ReservationAdministration>().SaveSettingsAsync(program.Id, "x", 45, 4, 30, ct);
        var regrid = await generator.GenerateAsync(program, Tuesday, new DateOnly(2026, 12, 14), ct);

        // Assert
        var days = await db.ReservationSlots.AsNoTracking().Where(s => s.ProgramId == program.Id).GroupBy(s => s.Day)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Assert.Equal((16, 0), yearEnd);
        Assert.Equal((0, 0), again);
        Assert.Equal([new DateOnly(2026, 12, 28), new DateOnly(2027, 1, 4)], days.Keys.Where(d => d.Year == 2027 || d.Day >= 28).Order());
        // 8:30–17:15 in 45 minutes: 8:30 … 16:00, eleven slots, three of them (8:30, 11:30, 14:30) already there; six
        // open days lose five one-hour slots each, but Tuesday keeps its booked 15:30.
        Assert.Equal((48, 29), regrid);
        Assert.Equal(12, days[Tuesday]);
        Assert.Equal(11, days[new DateOnly(2026, 12, 13)]);
        Assert.False(days.ContainsKey(new DateOnly(2026, 12, 12)));
        Assert.True(booked.Succeeded);
        Assert.Equal(new TimeOnly(15, 30), (await ReservationTestData.WithSystemAsync(host.Services, s => s.FindAsync(code, booked.Reservation!.Number, "09000000001", ct))).Reservation!.Starts);
    }

    /// <summary>A number as a citizen may type it: full-width digits.</summary>
    private static string Wide(string digits) => new([.. digits.Select(c => (char)(c - '0' + '０'))]);
}

public sealed class SqliteReservationsTests() : ReservationsTests(DatabaseProvider.Sqlite);

public sealed class PostgresReservationsTests() : ReservationsTests(DatabaseProvider.Postgres);
