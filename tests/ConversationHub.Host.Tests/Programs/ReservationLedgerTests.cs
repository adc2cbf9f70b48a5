using System.Text;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using ConversationHub.Core.Persistence;
using ConversationHub.Core.Programs;
using ConversationHub.Handoff.Programs.Reservations;
using ConversationHub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Programs;

/// <summary>
/// The ledger (交付予約受付簿) of Monday 7 December: two bookings, a change and a cancellation made that day, made once
/// on Tuesday morning by concurrent passes, listed for a supervisor and downloaded as CSV (UTF-8 with BOM) and .xlsx
/// (read back with ClosedXML), each download audited.
/// </summary>
public abstract partial class ReservationLedgerTests(DatabaseProvider provider)
{
    [Fact]
    public async Task LedgerRunner_NextMorning_MadeOnceListedAndDownloadable()
    {
        // Arrange
        var ct = TestTimeout.Token(180);
        var clock = new TestClock(ReservationTestData.Monday9am);
        await using var database = await TestDatabase.CreateAsync(provider, ct);
        await using var host = ReservationTestData.Start(database, clock);
        var code = await ReservationTestData.CreateProgramAsync(host, ct);
        var tuesday = new DateOnly(2026, 12, 8);
        var first = await ReservationTestData.TimeAsync(host, code, tuesday, new TimeOnly(8, 30), ct);
        var second = await ReservationTestData.TimeAsync(host, code, tuesday, new TimeOnly(13, 30), ct);
        var actor = new ReservationActor("staff:operator");
        var a = await ReservationTestData.WithSystemAsync(host.Services, s => s.BookAsync(ReservationTestData.Request(code, first.SlotId, 1), ct));
        var b = await ReservationTestData.WithSystemAsync(host.Services, s => s.BookAsync(ReservationTestData.Request(code, first.SlotId, 2) with { Name = "=HYPERLINK(\"x\")" }, ct));
        await ReservationTestData.WithSystemAsync(host.Services, s => s.ChangeAsync(code, a.Reservation!.Number, "09000000001", second.SlotId, actor, ct));
        await ReservationTestData.WithSystemAsync(host.Services, s => s.CancelAsync(code, b.Reservation!.Number, "09000000002", actor, ct));
        clock.Advance(TimeSpan.FromHours(22));
        var runner = host.Services.GetRequiredService<ReservationLedgerRunner>();

        // Act
        var made = await Task.WhenAll(runner.RunAsync(ct), runner.RunAsync(ct));
        var again = await runner.RunAsync(ct);
        using var supervisor = await host.SignInAsync("supervisor", ct);
        var page = await supervisor.GetStringAsync(new Uri($"/console/programs/reservations/ledger?program={code}", UriKind.Relative), ct);
        var id = LedgerLink().Match(page).Groups[1].Value;
        var csv = await supervisor.GetByteArrayAsync(new Uri($"/console/programs/reservations/ledger?handler=download&id={id}&format=csv", UriKind.Relative), ct);
        var xlsx = await supervisor.GetByteArrayAsync(new Uri($"/console/programs/reservations/ledger?handler=download&id={id}&format=xlsx", UriKind.Relative), ct);
        using var operatorClient = await host.SignInAsync("operator", ct);
        using var denied = await operatorClient.GetAsync(new Uri($"/console/programs/reservations/ledger?handler=download&id={id}&format=csv", UriKind.Relative), ct);

        // Assert
        // The demo city's My Number line keeps its own ledger besides; this program's is made once.
        await using (var check = host.Services.CreateAsyncScope())
        {
            var handoff = check.ServiceProvider.GetRequiredService<ConversationHub.Handoff.Persistence.HandoffDbContext>();
            var mine = handoff.Programs.Single(p => p.Code == code).Id;
            Assert.Equal(1, handoff.ReservationLedgers.Count(l => l.ProgramId == mine && l.Day == new DateOnly(2026, 12, 7)));
        }

        Assert.True(made.Sum() >= 1);
        Assert.Equal(0, again);
        Assert.Contains("2026年12月7日（月）", page, StringComparison.Ordinal);
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        var text = Encoding.UTF8.GetString(csv, 3, csv.Length - 3);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("予約,", StringComparison.Ordinal) && l.Contains(a.Reservation!.Number, StringComparison.Ordinal) && l.Contains("予約 太郎1", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("変更,", StringComparison.Ordinal) && l.Contains("2026年12月8日（火） 13:30～14:30,2026年12月8日（火） 08:30～09:30", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("取消,", StringComparison.Ordinal) && l.Contains(b.Reservation!.Number, StringComparison.Ordinal) && l.Contains("staff:operator", StringComparison.Ordinal));
        Assert.Contains("'=HYPERLINK", text, StringComparison.Ordinal);
        using var workbook = new XLWorkbook(new MemoryStream(xlsx));
        var sheet = workbook.Worksheet(1);
        Assert.Equal(["予約", "予約", "変更", "取消"], Enumerable.Range(4, 4).Select(r => sheet.Cell(r, 1).GetString()));
        Assert.Equal(b.Reservation!.Number, sheet.Cell(5, 3).GetString());
        Assert.True(denied.StatusCode == System.Net.HttpStatusCode.Forbidden || Infrastructure.HubHost.IsRedirectTo(denied, "/account/denied"), denied.StatusCode.ToString());
        await using var scope = host.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<ConversationHub.Core.Persistence.HubDbContext>();
        Assert.Equal(2, audit.AuditLog.Count(e => e.Action == ReservationAuditActions.LedgerDownloaded && e.Target == "program:" + code));
    }

    [GeneratedRegex("handler=download&amp;id=([0-9a-f-]{36})&amp;format=csv")]
    private static partial Regex LedgerLink();
}

public sealed class SqliteReservationLedgerTests() : ReservationLedgerTests(DatabaseProvider.Sqlite);

public sealed class PostgresReservationLedgerTests() : ReservationLedgerTests(DatabaseProvider.Postgres);
