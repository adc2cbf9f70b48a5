using ConversationHub.Core.Persistence;
using ConversationHub.Core.Programs;
using ConversationHub.Handoff.Programs.Reservations;
using ConversationHub.Host.Tests.EndToEnd;
using ConversationHub.Host.Tests.Handoff;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ConversationHub.Host.Tests.Programs;

/// <summary>
/// A supervisor reads the ledger (交付予約受付簿) of Monday 7 December on the page, in Debian's Chromium at 1366×768: the
/// day's bookings, change and cancellation with their numbers and names, made the next morning by the ledger pass; the
/// showing is audited; axe-core finds no serious or critical violation.
/// </summary>
public sealed class ReservationLedgerBrowserTests
{
    [Fact]
    public async Task Supervisor_ShowsYesterdaysLedger_EveryLineOnThePageAndAudited()
    {
        // Arrange: two bookings, a change and a cancellation on Monday; Tuesday morning's pass makes the ledger.
        var ct = TestTimeout.Token(240);
        var clock = new TestClock(ReservationTestData.Monday9am);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, ct);
        await using var host = ReservationTestData.Start(database, clock);
        var code = await ReservationTestData.CreateProgramAsync(host, ct);
        var tuesday = new DateOnly(2026, 12, 8);
        var first = await ReservationTestData.TimeAsync(host, code, tuesday, new TimeOnly(8, 30), ct);
        var later = await ReservationTestData.TimeAsync(host, code, tuesday, new TimeOnly(13, 30), ct);
        var actor = new ReservationActor("staff:operator");
        var a = await ReservationTestData.WithSystemAsync(host.Services, s => s.BookAsync(ReservationTestData.Request(code, first.SlotId, 1), ct));
        var b = await ReservationTestData.WithSystemAsync(host.Services, s => s.BookAsync(ReservationTestData.Request(code, first.SlotId, 2), ct));
        await ReservationTestData.WithSystemAsync(host.Services, s => s.ChangeAsync(code, a.Reservation!.Number, "09000000001", later.SlotId, actor, ct));
        await ReservationTestData.WithSystemAsync(host.Services, s => s.CancelAsync(code, b.Reservation!.Number, "09000000002", actor, ct));
        clock.Advance(TimeSpan.FromHours(22));
        await host.Services.GetRequiredService<ReservationLedgerRunner>().RunAsync(ct);
        var baseUrl = host.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await StaffSignIn.NewConsolePageAsync(browser);
        await StaffSignIn.SignInAsync(page, baseUrl, "supervisor", $"/console/programs/reservations/ledger?program={code}");

        // Act
        await page.GetByRole(AriaRole.Link, new() { Name = "2026年12月7日（月） の受付簿を表示" }).ClickAsync();

        // Assert: four lines in order, each with its number, name and who took it.
        var contents = page.Locator("#ledger-contents");
        await Assertions.Expect(contents.GetByRole(AriaRole.Heading)).ToHaveTextAsync("2026年12月7日（月） の受付簿（4件）");
        var rows = contents.Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(4);
        await Assertions.Expect(rows.Locator("th")).ToHaveTextAsync(["予約", "予約", "変更", "取消"]);
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync(a.Reservation!.Number);
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("予約 太郎1");
        await Assertions.Expect(rows.Nth(2)).ToContainTextAsync("2026年12月8日（火） 13:30～14:30");
        await Assertions.Expect(rows.Nth(3)).ToContainTextAsync(b.Reservation!.Number);
        await Assertions.Expect(rows.Nth(3)).ToContainTextAsync("staff:operator");
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("reservation-ledger.png"), FullPage = true });
        Assert.Empty(await ChatsConsoleBrowserTests.AxeAsync(page, "reservation ledger shown"));
        await using var scope = host.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<HubDbContext>().AuditLog.AsNoTracking();
        Assert.Equal(["2026-12-07"], await audit.Where(e => e.Action == ReservationAuditActions.LedgerViewed && e.Target == "program:" + code).Select(e => e.Detail).ToListAsync(ct));
    }
}
