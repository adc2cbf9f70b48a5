using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.EndToEnd;
using ConversationHub.Host.Tests.Handoff;
using ConversationHub.Testing;
using Microsoft.Playwright;

namespace ConversationHub.Host.Tests.Programs;

/// <summary>
/// An operator books, changes and cancels on the reservations page in Debian's Chromium at 1366×768, beside a
/// conversation: the read-back step, the reservation number and 持ち物 after booking, the look-up by number + phone;
/// axe-core finds no serious or critical violation.
/// </summary>
public sealed class ReservationsBrowserTests
{
    [Fact]
    public async Task Operator_BooksChangesAndCancels_NumberAndWhatToBringShown()
    {
        // Arrange
        var ct = TestTimeout.Token(240);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, ct);
        await using var host = ReservationTestData.Start(database, new TestClock(ReservationTestData.Monday9am));
        var code = await ReservationTestData.CreateProgramAsync(host, ct);
        var baseUrl = host.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await StaffSignIn.NewConsolePageAsync(browser);
        var conversation = Guid.NewGuid();
        await StaffSignIn.SignInAsync(page, baseUrl, "operator", $"/console/programs/reservations?program={code}&conversation={conversation}");

        // Act: book the first free time of Tuesday 8 December.
        await page.GetByLabel("日にち").SelectOptionAsync("2026-12-08");
        await page.GetByRole(AriaRole.Button, new() { Name = "時間を表示" }).ClickAsync();
        await page.GetByLabel("08:30～09:30 本庁舎 市民課（空き 4）").CheckAsync();
        await page.GetByLabel("お名前").FillAsync("若葉 花子");
        await page.GetByLabel("電話番号").First.FillAsync("090-1234-5678");
        await page.GetByRole(AriaRole.Button, new() { Name = "内容を確認" }).ClickAsync();
        await Assertions.Expect(page.Locator("#reservation-confirm")).ToContainTextAsync("若葉 花子");
        await page.GetByRole(AriaRole.Button, new() { Name = "予約する" }).ClickAsync();
        await Assertions.Expect(page.Locator("#reservation-bring")).ToHaveTextAsync(ReservationTestData.WhatToBring);
        var number = (await page.Locator("#reservation-number").TextContentAsync())!.Trim();
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("reservations-booked.png"), FullPage = true });
        var bookedViolations = await ChatsConsoleBrowserTests.AxeAsync(page, "reservation booked");

        // Act: look it up by number + phone, move it to 13:30, then cancel it.
        await page.Locator("#lookup-number").FillAsync(number);
        await page.Locator("#lookup-phone").FillAsync("09012345678");
        await page.GetByRole(AriaRole.Button, new() { Name = "予約を探す" }).ClickAsync();
        await Assertions.Expect(page.Locator("#reservation-status")).ToHaveTextAsync("予約中");
        var option = await page.Locator("#change-slot option", new() { HasTextString = "2026年12月8日（火） 13:30～14:30" }).GetAttributeAsync("value");
        await page.Locator("#change-slot").SelectOptionAsync(option!);
        await page.GetByRole(AriaRole.Button, new() { Name = "この時間に変更" }).ClickAsync();
        await Assertions.Expect(page.Locator("#reservation-when")).ToContainTextAsync("13:30～14:30");
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("reservations-changed.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "予約を取り消す" }).ClickAsync();

        // Assert
        await Assertions.Expect(page.Locator("#reservation-status")).ToHaveTextAsync("取消済");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "予約を取り消しました。" })).ToBeVisibleAsync();
        Assert.Matches("^[0-9]{8}$", number);
        Assert.Empty(bookedViolations);
        Assert.Empty(await ChatsConsoleBrowserTests.AxeAsync(page, "reservation cancelled"));
        Assert.Equal((4, 0), await ReservationTestData.SlotAsync(host, (await ReservationTestData.TimeAsync(host, code, new DateOnly(2026, 12, 8), new TimeOnly(13, 30), ct)).SlotId, ct));
    }
}
