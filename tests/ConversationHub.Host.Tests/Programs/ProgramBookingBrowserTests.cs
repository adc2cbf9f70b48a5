using System.Text.RegularExpressions;
using ConversationHub.Core.Persistence;
using ConversationHub.Core.Programs;
using ConversationHub.Host.Tests.EndToEnd;
using ConversationHub.Host.Tests.Handoff;
using ConversationHub.Testing;
using Microsoft.Playwright;

namespace ConversationHub.Host.Tests.Programs;

/// <summary>
/// A citizen books, changes and cancels an appointment in the official Web Chat on the FAQ site's widget, entered through
/// the program's link (<c>/?program=…</c>), in Debian's Chromium at 1366×768: buttons for the day, time, notices and
/// read-back, typed name, phone and reservation number. Screenshots of each outcome; axe-core finds no serious or
/// critical violation with the widget open.
/// </summary>
public sealed partial class ProgramBookingBrowserTests
{
    [Fact]
    public async Task Citizen_BooksChangesAndCancelsInTheWebChat()
    {
        // Arrange
        var ct = TestTimeout.Token(300);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, ct);
        await using var host = ReservationTestData.Start(database, new RunningClock(ReservationTestData.Monday9am));
        var code = await ReservationTestData.CreateProgramAsync(host, ct);
        var baseUrl = host.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 }, Locale = "ja-JP" });
        var page = await context.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await page.GotoAsync(baseUrl + "/?program=" + code, new() { WaitUntil = WaitUntilState.Commit });
        await page.ClickAsync("#hub-chat-open");

        // Act: book Tuesday 08:30.
        await TapAsync(page, "予約する");
        await TapAsync(page, "12月8日(火) 残り32");
        await TapAsync(page, "08:30 本庁舎 市民課 残り4");
        await TypeAsync(page, "若葉 花子");
        await TypeAsync(page, "090-1234-5678");
        await TapAsync(page, "受け取らない");
        await TapAsync(page, "はい");
        var booked = await LatestAsync(page, "予約しました");
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("program-booking-book.png") });
        var violations = await ChatsConsoleBrowserTests.AxeAsync(page, "booking in the web chat");
        var number = NumberPattern().Match(booked).Groups[1].Value;

        // Act: move it to Wednesday 10:30.
        await TypeAsync(page, "予約の変更・取り消し");
        await TypeAsync(page, number);
        await TypeAsync(page, "09012345678");
        await TapAsync(page, "日時を変更する");
        await TapAsync(page, "12月9日(水) 残り32");
        await TapAsync(page, "10:30 本庁舎 市民課 残り4");
        await TapAsync(page, "はい");
        var changed = await LatestAsync(page, "予約を変更しました");
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("program-booking-change.png") });

        // Act: cancel it.
        await TypeAsync(page, "予約を取り消したい");
        await TypeAsync(page, number);
        await TypeAsync(page, "090-1234-5678");
        await TapAsync(page, "予約を取り消す");
        await TapAsync(page, "取り消す");
        var cancelled = await LatestAsync(page, "取り消しました");
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("program-booking-cancel.png") });

        // Assert
        Assert.Matches("^[0-9]{8}$", number);
        Assert.Contains(ReservationTestData.WhatToBring, booked, StringComparison.Ordinal);
        Assert.Contains("12月9日(水) 10:30～11:30", changed, StringComparison.Ordinal);
        Assert.Contains(number, cancelled, StringComparison.Ordinal);
        var view = (await ReservationTestData.WithSystemAsync(host.Services, s => s.FindAsync(code, number, "09012345678", ct))).Reservation!;
        Assert.Equal(ReservationStatus.Cancelled, view.Status);
        Assert.Equal((4, 0), await ReservationTestData.SlotAsync(host, (await ReservationTestData.TimeAsync(host, code, new DateOnly(2026, 12, 9), new TimeOnly(10, 30), ct)).SlotId, ct));
        Assert.True(violations.Count == 0, "serious or critical axe violations:\n" + string.Join("\n", violations));
        Assert.Empty(scriptErrors);
    }

    // Taps the bot's button whose whole text is `title` (Web Chat shows the latest message's suggested actions), then
    // waits for the bot's answer.
    private static async Task TapAsync(IPage page, string title)
    {
        var button = page.Locator("#hub-chat-panel .webchat__suggested-action").Filter(new() { HasTextRegex = new Regex("^\\s*" + Regex.Escape(title) + "\\s*$") }).First;
        try
        {
            await AnsweredAsync(page, title, () => button.ClickAsync(new() { Timeout = 60_000 }));
        }
        catch (TimeoutException)
        {
            // What the chat showed instead, for whoever reads the failure.
            await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("program-booking-failure.png") });
            var shown = await page.Locator("#hub-chat-panel .webchat__bubble__content").AllInnerTextsAsync();
            throw new TimeoutException($"no button 「{title}」; the chat's last messages:\n" + string.Join("\n---\n", shown.TakeLast(4)));
        }
    }

    // Types `text`, then waits for the bot's answer: the dialogue reads each message against the question before it.
    private static async Task TypeAsync(IPage page, string text)
    {
        var input = page.Locator("#hub-chat-panel input[type=text], #hub-chat-panel textarea").First;
        await AnsweredAsync(page, text, async () =>
        {
            await input.FillAsync(text, new() { Timeout = 60_000 });
            await input.PressAsync("Enter");
        });
    }

    // Does `act`, which sends `sent`, then waits until the citizen's message and the bot's answer after it are shown: two
    // more messages, the last of which is not the citizen's.
    private static async Task AnsweredAsync(IPage page, string sent, Func<Task> act)
    {
        const string Messages = "#hub-chat-panel .webchat__bubble__content";
        var before = await page.Locator(Messages).CountAsync();
        await act();
        await page.WaitForFunctionAsync(
            "([selector, count, sent]) => { const all = document.querySelectorAll(selector); return all.length >= count + 2 && all[all.length - 1].innerText.trim() !== sent; }",
            new object[] { Messages, before, sent },
            new() { Timeout = 60_000 });
    }

    // The text of the latest bot message that contains `part`, once shown, scrolled into view.
    private static async Task<string> LatestAsync(IPage page, string part)
    {
        var message = page.Locator("#hub-chat-panel .webchat__bubble__content").Filter(new() { HasTextString = part }).Last;
        await Assertions.Expect(message).ToBeVisibleAsync(new() { Timeout = 60_000 });
        // In view for the screenshot: Web Chat may still be scrolling to its newest message.
        await message.ScrollIntoViewIfNeededAsync();
        return await message.InnerTextAsync();
    }

    [GeneratedRegex("予約番号は\\s*([0-9]{8})")]
    private static partial Regex NumberPattern();
}
