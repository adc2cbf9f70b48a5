using ConversationHub.Core.Persistence;
using ConversationHub.Core.Programs;
using ConversationHub.Host.Tests.EndToEnd;
using ConversationHub.Host.Tests.Handoff;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ConversationHub.Host.Tests.Programs;

/// <summary>
/// An administrator in Debian's Chromium at 1366×768: on the slots page, a capacity below what is booked is refused
/// with the count, one at it is saved, a slot is closed; on the settings page a place is renamed and its removal is
/// refused while it has bookings; the reservations page counts a failed SMS notice without its number. Each page passes
/// axe-core (no serious or critical violation); every change is in the audit log.
/// </summary>
public sealed class ReservationAdministrationBrowserTests
{
    [Fact]
    public async Task Administrator_EditsSlotsAndPlaces_SeesFailedNotices()
    {
        // Arrange: two bookings at 08:30 on Tuesday; an SMS notice the channel refuses, with one attempt allowed.
        var ct = TestTimeout.Token(300);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, ct);
        var sender = new ScriptedNoticeSender { Behaviour = _ => Task.FromResult(false) };
        await using var host = ScriptedNoticeSender.Start(database, new TestClock(ReservationTestData.Monday9am), sender,
            settings: new Dictionary<string, string?> { ["Programs:Reservations:NoticeMaxAttempts"] = "1" });
        var code = await ReservationTestData.CreateProgramAsync(host, ct);
        var time = await ReservationTestData.TimeAsync(host, code, new DateOnly(2026, 12, 8), new TimeOnly(8, 30), ct);
        Assert.True((await ReservationTestData.WithSystemAsync(host.Services, s => s.BookAsync(ReservationTestData.Request(code, time.SlotId, 1), ct))).Succeeded);
        Assert.True((await ReservationTestData.WithSystemAsync(host.Services, s => s.BookAsync(
            ReservationTestData.Request(code, time.SlotId, 2, new ReservationContact(ReservationContactChannel.Sms, "090-4444-5555")), ct))).Succeeded);
        var baseUrl = host.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await StaffSignIn.NewConsolePageAsync(browser);
        await StaffSignIn.SignInAsync(page, baseUrl, "admin", $"/console/programs/reservations/slots?program={code}&day=2026-12-08");

        // Act: the slots page.
        var capacity = page.GetByLabel("08:30～09:30 本庁舎 市民課の定員");
        await capacity.FillAsync("1");
        await page.Locator("tr", new() { HasTextString = "08:30～09:30" }).GetByRole(AriaRole.Button, new() { Name = "定員を変更" }).ClickAsync();
        await Assertions.Expect(page.Locator("#slots-error")).ToContainTextAsync("すでに2件の予約");
        await page.GetByLabel("08:30～09:30 本庁舎 市民課の定員").FillAsync("2");
        await page.Locator("tr", new() { HasTextString = "08:30～09:30" }).GetByRole(AriaRole.Button, new() { Name = "定員を変更" }).ClickAsync();
        await Assertions.Expect(page.Locator("#slots-notice")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "受付を停止 09:30～10:30 本庁舎 市民課" }).ClickAsync();
        await Assertions.Expect(page.Locator("tr", new() { HasTextString = "09:30～10:30" }).Locator(".slot-state")).ToHaveTextAsync("受付停止中");
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("reservation-slots.png"), FullPage = true });
        var slotsViolations = await ChatsConsoleBrowserTests.AxeAsync(page, "reservation slots");

        // Act: the settings page's places.
        await page.GotoAsync($"{baseUrl}/console/programs/reservations/settings?program={code}", new() { WaitUntil = WaitUntilState.Commit });
        await page.GetByLabel("本庁舎 市民課の名前").FillAsync("本庁舎 2階 市民課");
        await page.GetByRole(AriaRole.Button, new() { Name = "変更を保存" }).ClickAsync();
        await Assertions.Expect(page.Locator("#settings-notice")).ToContainTextAsync("場所を変更しました");
        await page.GetByRole(AriaRole.Button, new() { Name = "この場所を削除（本庁舎 2階 市民課）" }).ClickAsync();
        await Assertions.Expect(page.Locator("p.alert-box")).ToContainTextAsync("今日以降の予約が2件");
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("reservation-places.png"), FullPage = true });
        var placesViolations = await ChatsConsoleBrowserTests.AxeAsync(page, "reservation places");

        // Act: the reservations page.
        await page.GotoAsync($"{baseUrl}/console/programs/reservations?program={code}", new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.Locator("#failed-notices")).ToContainTextAsync("合計1件");
        var failedSection = await page.Locator("#failed-notices").InnerTextAsync();
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("reservation-failed-notices.png"), FullPage = true });
        var indexViolations = await ChatsConsoleBrowserTests.AxeAsync(page, "reservations with failed notices");

        // Assert
        Assert.Empty(slotsViolations);
        Assert.Empty(placesViolations);
        Assert.Empty(indexViolations);
        Assert.Contains("refused", failedSection, StringComparison.Ordinal);
        Assert.DoesNotContain("5555", failedSection, StringComparison.Ordinal);
        Assert.Equal((2, 2), await ReservationTestData.SlotAsync(host, time.SlotId, ct));
        await using var scope = host.Services.CreateAsyncScope();
        var actions = await scope.ServiceProvider.GetRequiredService<Core.Persistence.HubDbContext>().AuditLog.AsNoTracking()
            .Where(e => e.Target == "program:" + code).Select(e => e.Action).ToListAsync(ct);
        Assert.Equal(["reservation.place-edited", "reservation.slot-capacity-changed", "reservation.slot-closed"], actions.Order(StringComparer.Ordinal));
    }
}
