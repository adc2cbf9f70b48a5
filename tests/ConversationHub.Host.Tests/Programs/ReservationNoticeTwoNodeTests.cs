using ConversationHub.Core.Persistence;
using ConversationHub.Core.Programs;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Programs.Reservations;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Programs;

/// <summary>
/// Two nodes on one PostgreSQL database retry the same failed SMS notices at once (each node's pass twice, side by
/// side, with a slow channel): every notice is accepted exactly once.
/// </summary>
public sealed class ReservationNoticeTwoNodeTests
{
    [Fact]
    public async Task RunAsync_TwoNodesAtOnce_EachNoticeSentOnce()
    {
        // Arrange: the channel is down while 12 citizens book, so 12 notices wait for their retry.
        var ct = TestTimeout.Token(240);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, ct);
        var pii = TestPii.CreateOptions();
        var clock = new TestClock(ReservationTestData.Monday9am);
        var up = false;
        var sender = new ScriptedNoticeSender { Behaviour = async _ => { await Task.Delay(20, ct); return Volatile.Read(ref up); } };
        await using var nodeA = ScriptedNoticeSender.Start(database, clock, sender, pii);
        await using var nodeB = ScriptedNoticeSender.Start(database, clock, sender, pii);
        var code = await ReservationTestData.CreateProgramAsync(nodeA, ct);
        var time = await ReservationTestData.TimeAsync(nodeA, code, new DateOnly(2026, 12, 9), new TimeOnly(8, 30), ct);
        for (var i = 0; i < 4; i++)
        {
            var booked = await ReservationTestData.WithSystemAsync((i % 2 == 0 ? nodeA : nodeB).Services, s => s.BookAsync(
                ReservationTestData.Request(code, time.SlotId, i, new ReservationContact(ReservationContactChannel.Sms, $"090-2222-{i:D4}")), ct));
            Assert.True(booked.Succeeded, booked.Message);
        }

        for (var day = 10; day <= 11; day++)
        {
            foreach (var starts in new[] { new TimeOnly(9, 30), new TimeOnly(10, 30), new TimeOnly(11, 30), new TimeOnly(13, 30) })
            {
                var slot = await ReservationTestData.TimeAsync(nodeA, code, new DateOnly(2026, 12, day), starts, ct);
                var booked = await ReservationTestData.WithSystemAsync(nodeB.Services, s => s.BookAsync(
                    ReservationTestData.Request(code, slot.SlotId, day * 100 + starts.Hour, new ReservationContact(ReservationContactChannel.Sms, $"080-3333-{day:D2}{starts.Hour:D2}")), ct));
                Assert.True(booked.Succeeded, booked.Message);
            }
        }

        Volatile.Write(ref up, true);
        clock.Advance(TimeSpan.FromMinutes(1));

        // Act
        var attempted = await Task.WhenAll(
            nodeA.Services.GetRequiredService<ReservationNoticeOutbox>().RunAsync(ct),
            nodeB.Services.GetRequiredService<ReservationNoticeOutbox>().RunAsync(ct),
            nodeA.Services.GetRequiredService<ReservationNoticeOutbox>().RunAsync(ct),
            nodeB.Services.GetRequiredService<ReservationNoticeOutbox>().RunAsync(ct));
        var rerun = await nodeA.Services.GetRequiredService<ReservationNoticeOutbox>().RunAsync(ct);

        // Assert
        Assert.Equal((12, 0), (attempted.Sum(), rerun));
        Assert.Equal(12, sender.Accepted.Count);
        Assert.All(sender.Accepted.Values, n => Assert.Equal(1, n));
        await using var scope = nodeB.Services.CreateAsyncScope();
        var notices = await scope.ServiceProvider.GetRequiredService<HandoffDbContext>().ReservationNotices.AsNoTracking().ToListAsync(ct);
        Assert.Equal(12, notices.Count);
        Assert.All(notices, n => Assert.Equal((ReservationNoticeState.Sent, 2, (string?)null), (n.State, n.Attempts, n.Address)));
    }
}
