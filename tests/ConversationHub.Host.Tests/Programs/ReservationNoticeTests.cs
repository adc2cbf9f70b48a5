using ConversationHub.Core.Persistence;
using ConversationHub.Core.Programs;
using ConversationHub.Host.Tests.Line;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.Programs;

/// <summary>
/// Notices on the citizen's LINE: booking and cancelling push the reservation number and 持ち物 through the bot's
/// LINE sender (to a stand-in of LINE's API); an SMS the telephony service refuses leaves the booking standing.
/// </summary>
public sealed class ReservationNoticeTests
{
    [Fact]
    public async Task BookAndCancel_LineContact_PushesNumberAndWhatToBring_RefusedSmsKeepsBooking()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        await using var stub = await LineStubApi.StartAsync();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, ct);
        await using var host = ReservationTestData.Start(database, new TestClock(ReservationTestData.Monday9am), settings: LineHostFixture.Settings(stub.BaseUrl));
        var code = await ReservationTestData.CreateProgramAsync(host, ct);
        var time = await ReservationTestData.TimeAsync(host, code, new DateOnly(2026, 12, 8), new TimeOnly(8, 30), ct);
        var userId = "U" + Guid.NewGuid().ToString("N");

        // Act
        var booked = await ReservationTestData.WithSystemAsync(host.Services, s => s.BookAsync(
            ReservationTestData.Request(code, time.SlotId, 1, new ReservationContact(ReservationContactChannel.Line, userId)), ct));
        var cancelled = await ReservationTestData.WithSystemAsync(host.Services, s => s.CancelAsync(code, booked.Reservation!.Number, "09000000001", new ReservationActor("bot:line"), ct));
        var sms = await ReservationTestData.WithSystemAsync(host.Services, s => s.BookAsync(
            ReservationTestData.Request(code, time.SlotId, 2, new ReservationContact(ReservationContactChannel.Sms, "090-1111-2222")), ct));

        // Assert
        Assert.True(booked.Succeeded && cancelled.Succeeded);
        var pushes = stub.Pushes(userId).Select(p => p.Json.GetProperty("messages")[0].GetProperty("text").GetString()!).ToList();
        Assert.Equal(2, pushes.Count);
        Assert.Contains(booked.Reservation!.Number, pushes[0], StringComparison.Ordinal);
        Assert.Contains(ReservationTestData.WhatToBring, pushes[0], StringComparison.Ordinal);
        Assert.Contains("取り消しました", pushes[1], StringComparison.Ordinal);
        Assert.True(sms.Succeeded, sms.Message);
        Assert.DoesNotContain(host.Logs, l => l.Contains("1111", StringComparison.Ordinal) || l.Contains(userId, StringComparison.Ordinal));
    }
}
