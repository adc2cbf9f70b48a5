using ConversationHub.Core.Persistence;
using ConversationHub.Core.Programs;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Programs.Reservations;
using ConversationHub.Host.Tests.Admin;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Programs;

/// <summary>
/// LINE/SMS notices are durable: written with the reservation, tried at once, retried with backoff by the outbox pass
/// (same notice id every time), sent once across nodes, Failed after the last attempt and counted on the reservations
/// page without personal data; the address and text are encrypted at rest, cleared once sent, and disposed of with
/// the program.
/// </summary>
public abstract class ReservationNoticeOutboxTests(DatabaseProvider provider)
{
    private const string Mobile = "090-1111-2222";
    private static readonly DateOnly Tuesday = new(2026, 12, 8);

    [Fact]
    public async Task Booking_SenderFailsTwiceThenSucceeds_SentOnceWithOneNoticeIdAndCleared()
    {
        // Arrange: refused, then an HTTP error, then accepted.
        var ct = TestTimeout.Token(120);
        await using var database = await TestDatabase.CreateAsync(provider, ct);
        var clock = new TestClock(ReservationTestData.Monday9am);
        var sender = new ScriptedNoticeSender { Behaviour = n => n switch { 1 => Task.FromResult(false), 2 => throw new HttpRequestException("down"), _ => Task.FromResult(true) } };
        await using var host = ScriptedNoticeSender.Start(database, clock, sender);
        var code = await ReservationTestData.CreateProgramAsync(host, ct);
        var time = await ReservationTestData.TimeAsync(host, code, Tuesday, new TimeOnly(8, 30), ct);
        var outbox = host.Services.GetRequiredService<ReservationNoticeOutbox>();

        // Act
        var booked = await ReservationTestData.WithSystemAsync(host.Services, s => s.BookAsync(ReservationTestData.Request(code, time.SlotId, 1, Sms()), ct));
        var afterFirst = await NoticeAsync(host, ct);
        var notYetDue = await outbox.RunAsync(ct);
        clock.Advance(TimeSpan.FromMinutes(1));
        var second = await outbox.RunAsync(ct);
        var afterSecond = await NoticeAsync(host, ct);
        clock.Advance(TimeSpan.FromMinutes(2));
        var third = await outbox.RunAsync(ct);
        clock.Advance(TimeSpan.FromHours(2));
        var later = await outbox.RunAsync(ct);

        // Assert
        Assert.True(booked.Succeeded, booked.Message);
        Assert.Equal((ReservationNoticeState.Pending, 1, "refused"), (afterFirst.State, afterFirst.Attempts, afterFirst.LastError));
        Assert.Equal((0, 1, 1, 0), (notYetDue, second, third, later));
        Assert.Equal((ReservationNoticeState.Pending, 2, "network"), (afterSecond.State, afterSecond.Attempts, afterSecond.LastError));
        var calls = sender.Calls.ToList();
        Assert.Equal(3, calls.Count);
        Assert.Single(calls.Select(c => c.NoticeId).Distinct());
        Assert.Equal(afterFirst.Id, calls[0].NoticeId);
        Assert.Equal([1], sender.Accepted.Values);
        Assert.All(calls, c => Assert.Equal("+819011112222", c.Address));
        Assert.Contains(booked.Reservation!.Number, calls[2].Text, StringComparison.Ordinal);
        var sent = await NoticeAsync(host, ct);
        Assert.Equal((ReservationNoticeState.Sent, 3, (string?)null, (string?)null), (sent.State, sent.Attempts, sent.Address, sent.Text));
        Assert.NotNull(sent.SentAtUtc);
        Assert.DoesNotContain(host.Logs, l => l.Contains("1111", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Notice_AlwaysRefused_FailedAfterMaxAttemptsShownWithoutPersonalDataAndDisposed()
    {
        // Arrange: three attempts at most; the channel refuses everything.
        var ct = TestTimeout.Token(180);
        await using var database = await TestDatabase.CreateAsync(provider, ct);
        var clock = new TestClock(ReservationTestData.Monday9am);
        var sender = new ScriptedNoticeSender { Behaviour = _ => Task.FromResult(false) };
        await using var host = ScriptedNoticeSender.Start(database, clock, sender, settings: new Dictionary<string, string?> { ["Programs:Reservations:NoticeMaxAttempts"] = "3" });
        var code = await ReservationTestData.CreateProgramAsync(host, ct);
        var time = await ReservationTestData.TimeAsync(host, code, Tuesday, new TimeOnly(8, 30), ct);
        var outbox = host.Services.GetRequiredService<ReservationNoticeOutbox>();
        var booked = await ReservationTestData.WithSystemAsync(host.Services, s => s.BookAsync(ReservationTestData.Request(code, time.SlotId, 1, Sms()), ct));
        var cipher = await StoredAddressAsync(host, ct);

        // Act
        for (var i = 0; i < 5; i++)
        {
            clock.Advance(TimeSpan.FromHours(1));
            await outbox.RunAsync(ct);
        }

        var failed = await NoticeAsync(host, ct);
        using var supervisor = await host.SignInAsync("supervisor", ct);
        var page = await supervisor.GetStringAsync(new Uri("/console/programs/reservations?program=" + code, UriKind.Relative), ct);
        using var operatorClient = await host.SignInAsync("operator", ct);
        var operatorPage = await operatorClient.GetStringAsync(new Uri("/console/programs/reservations?program=" + code, UriKind.Relative), ct);
        long counted, disposed;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var part = scope.ServiceProvider.GetServices<IProgramDataPart>().Single(p => p.Kind == "reservations");
            var programId = failed.ProgramId;
            counted = await part.CountAsync(programId, ct);
            disposed = await part.DisposeAsync(programId, ct);
            Assert.Equal(0, await part.CountAsync(programId, ct));
        }

        // Assert: three attempts, then Failed; nothing more is tried.
        Assert.True(booked.Succeeded, booked.Message);
        Assert.Equal(3, sender.Calls.Count);
        Assert.Equal((ReservationNoticeState.Failed, 3, "refused"), (failed.State, failed.Attempts, failed.LastError));
        Assert.NotNull(cipher);
        Assert.DoesNotContain("9011112222", cipher, StringComparison.Ordinal);
        Assert.Contains("送信できなかった通知", page, StringComparison.Ordinal);
        Assert.Contains("合計1件", page, StringComparison.Ordinal);
        Assert.Contains("refused", page, StringComparison.Ordinal);
        Assert.DoesNotContain("1111", page, StringComparison.Ordinal);
        Assert.DoesNotContain("送信できなかった通知", operatorPage, StringComparison.Ordinal);
        // The reservation's row and the notice's row held personal data; both are counted, the notice row is gone.
        Assert.Equal(2, counted);
        Assert.Equal(2, disposed);
        await using var check = host.Services.CreateAsyncScope();
        Assert.False(await check.ServiceProvider.GetRequiredService<HandoffDbContext>().ReservationNotices.AnyAsync(ct));
    }

    [Fact]
    public async Task FailedNotices_SupervisorSendsAgain_SentOnceAndAudited_OperatorRefused()
    {
        // Arrange: the channel refuses until it is fixed; two attempts at most, so the notice fails.
        var ct = TestTimeout.Token(180);
        await using var database = await TestDatabase.CreateAsync(provider, ct);
        var clock = new TestClock(ReservationTestData.Monday9am);
        var fixedAt = int.MaxValue;
        var sender = new ScriptedNoticeSender { Behaviour = n => Task.FromResult(n >= fixedAt) };
        await using var host = ScriptedNoticeSender.Start(database, clock, sender, settings: new Dictionary<string, string?> { ["Programs:Reservations:NoticeMaxAttempts"] = "2" });
        var code = await ReservationTestData.CreateProgramAsync(host, ct);
        var time = await ReservationTestData.TimeAsync(host, code, Tuesday, new TimeOnly(8, 30), ct);
        var outbox = host.Services.GetRequiredService<ReservationNoticeOutbox>();
        await ReservationTestData.WithSystemAsync(host.Services, s => s.BookAsync(ReservationTestData.Request(code, time.SlotId, 1, Sms()), ct));
        clock.Advance(TimeSpan.FromHours(1));
        await outbox.RunAsync(ct);
        Assert.Equal(ReservationNoticeState.Failed, (await NoticeAsync(host, ct)).State);
        fixedAt = sender.Calls.Count + 1;
        var page = "/console/programs/reservations?program=" + code;
        using var operatorClient = await host.SignInAsync("operator", ct);
        using var supervisor = await host.SignInAsync("supervisor", ct);

        // Act: the operator may not; the supervisor puts it back in line and the pass sends it.
        var refused = await AdminForms.PostAsync(operatorClient, page, "retrynotices", [], ct);
        var stillFailed = (await NoticeAsync(host, ct)).State;
        var retried = await AdminForms.PostAsync(supervisor, page, "retrynotices", [], ct);
        var sentNow = await outbox.RunAsync(ct);
        var again = await outbox.RunAsync(ct);
        var after = await supervisor.GetStringAsync(new Uri(page, UriKind.Relative), ct);

        // Assert
        Assert.True(refused.Status is System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.Redirect, refused.Status.ToString());
        Assert.Equal(ReservationNoticeState.Failed, stillFailed);
        Assert.Contains("1件の通知を送り直します", retried.Body, StringComparison.Ordinal);
        Assert.Equal((1, 0), (sentNow, again));
        var notice = await NoticeAsync(host, ct);
        Assert.Equal((ReservationNoticeState.Sent, (string?)null), (notice.State, notice.Address));
        Assert.Equal(1, sender.Calls.Count(c => c.Accepted));
        Assert.DoesNotContain("送信できなかった通知", after, StringComparison.Ordinal);
        await using var scope = host.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<HubDbContext>().AuditLog.AsNoTracking();
        Assert.Equal(["1 notice(s)"], await audit.Where(e => e.Action == ReservationAuditActions.NoticesRetried).Select(e => e.Detail).ToListAsync(ct));
    }

    private static ReservationContact Sms() => new(ReservationContactChannel.Sms, Mobile);

    internal static async Task<ReservationNotice> NoticeAsync(HubHost host, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HandoffDbContext>().ReservationNotices.AsNoTracking().SingleAsync(ct);
    }

    // The address column as stored, read past the model's decryption.
    private static async Task<string?> StoredAddressAsync(HubHost host, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        return (await db.Database.SqlQueryRaw<string?>("SELECT \"Address\" AS \"Value\" FROM program_reservation_notices").ToListAsync(ct)).Single();
    }
}

public sealed class SqliteReservationNoticeOutboxTests() : ReservationNoticeOutboxTests(DatabaseProvider.Sqlite);

public sealed class PostgresReservationNoticeOutboxTests() : ReservationNoticeOutboxTests(DatabaseProvider.Postgres);
