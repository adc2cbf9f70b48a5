using ConversationHub.Core.Persistence;
using ConversationHub.Core.Programs;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Programs.Reservations;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Programs;

/// <summary>
/// Two nodes on one PostgreSQL database: 200 simultaneous bookings for a slot's last 10 places, split between the
/// nodes, give exactly 10 reservations; each node's reminder pass runs at once and each reminder is sent once.
/// </summary>
public sealed class ReservationTwoNodeTests
{
    [Fact]
    public async Task BookAsync_200SimultaneousOnTwoNodesForLast10Places_Exactly10Succeed()
    {
        // Arrange
        var ct = TestTimeout.Token(240);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, ct);
        var pii = TestPii.CreateOptions();
        var clock = new TestClock(ReservationTestData.Monday9am);
        await using var nodeA = ReservationTestData.Start(database, clock, pii: pii);
        await using var nodeB = ReservationTestData.Start(database, clock, pii: pii);

        // Act
        var (results, slotId) = await ReservationRace.RunAsync([nodeA, nodeB], ct);

        // Assert: counted on the other node.
        await ReservationRace.AssertExactlyTenAsync(results, slotId, nodeB, ct);
    }

    [Fact]
    public async Task ReminderRunner_TwoNodesAtOnce_EachReservationRemindedOnce()
    {
        // Arrange
        var ct = TestTimeout.Token(180);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, ct);
        var pii = TestPii.CreateOptions();
        var clock = new TestClock(ReservationTestData.Monday9am);
        await using var nodeA = ReservationTestData.Start(database, clock, pii: pii);
        await using var nodeB = ReservationTestData.Start(database, clock, pii: pii);
        var code = await ReservationTestData.CreateProgramAsync(nodeA, ct);
        var tomorrow = await ReservationTestData.TimeAsync(nodeA, code, new DateOnly(2026, 12, 8), new TimeOnly(10, 30), ct);
        var later = await ReservationTestData.TimeAsync(nodeA, code, new DateOnly(2026, 12, 9), new TimeOnly(10, 30), ct);
        var mail = new ReservationContact(ReservationContactChannel.Email, "citizen@example.jp");
        var booked = await ReservationTestData.WithSystemAsync(nodeA.Services, s => s.BookAsync(ReservationTestData.Request(code, tomorrow.SlotId, 1, mail), ct));
        var notTomorrow = await ReservationTestData.WithSystemAsync(nodeA.Services, s => s.BookAsync(ReservationTestData.Request(code, later.SlotId, 2, mail), ct));
        var silent = await ReservationTestData.WithSystemAsync(nodeA.Services, s => s.BookAsync(ReservationTestData.Request(code, tomorrow.SlotId, 3), ct));
        clock.Advance(TimeSpan.FromHours(1.5));

        // Act
        var claimed = await Task.WhenAll(
            nodeA.Services.GetRequiredService<ReservationReminderRunner>().RunAsync(ct),
            nodeB.Services.GetRequiredService<ReservationReminderRunner>().RunAsync(ct),
            nodeA.Services.GetRequiredService<ReservationReminderRunner>().RunAsync(ct));
        var rerun = await nodeB.Services.GetRequiredService<ReservationReminderRunner>().RunAsync(ct);

        // Assert
        Assert.True(booked.Succeeded && notTomorrow.Succeeded && silent.Succeeded);
        Assert.Equal((1, 0), (claimed.Sum(), rerun));
        await using var scope = nodeB.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var subjects = (await db.MailOutbox.AsNoTracking().ToListAsync(ct)).Select(m => m.Subject).ToList();
        Assert.Single(subjects, s => s.Contains("明日のご予約", StringComparison.Ordinal) && s.Contains(booked.Reservation!.Number, StringComparison.Ordinal));
        Assert.Equal(2, subjects.Count(s => s.Contains("ご予約を承りました", StringComparison.Ordinal)));
        var body = (await db.MailOutbox.AsNoTracking().ToListAsync(ct)).First(m => m.Subject.Contains("明日", StringComparison.Ordinal)).BodyText;
        Assert.Contains(ReservationTestData.WhatToBring, body, StringComparison.Ordinal);
    }
}
