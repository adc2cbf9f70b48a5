using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.EndToEnd;
using ConversationHub.Host.Tests.Handoff;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ConversationHub.Host.Tests.Programs;

/// <summary>
/// A program's web chat entry in Debian's Chromium at 1366×768, on a host whose clock is moved past one program's end of
/// service: that entry shows the program's end message and where to go instead above an ordinary chat; the entry of a
/// program still in service starts the program's chat (its greeting names it). axe-core finds no serious or critical
/// violation with the notice shown.
/// </summary>
public sealed class ProgramEntryBrowserTests
{
    [Fact]
    public async Task ChatEntry_AfterEndOfService_ShowsEndMessageAndStartsAnOrdinaryChat()
    {
        // Arrange: "closing" ends in 3 days and "lasting" in 60; the host's clock runs 10 days ahead.
        var ct = TestTimeout.Token(300);
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, ct);
        await using var host = HubHost.Start(database, ownsDatabase: true, TestPii.CreateOptions(), services: s => s.AddSingleton<TimeProvider>(new ShiftedClock(TimeSpan.FromDays(10))));
        await ProgramSeed.AddAsync(host, "closing", -5, 3, ct);
        var lasting = await ProgramSeed.AddAsync(host, "lasting", -5, 60, ct);
        var baseUrl = host.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 }, Locale = "ja-JP" });
        var page = await context.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);

        // Act: the ended program's entry.
        await page.GotoAsync(baseUrl + "/?program=closing", new() { WaitUntil = WaitUntilState.Commit });
        await page.ClickAsync("#hub-chat-open");
        var notice = page.Locator("#hub-chat-program-ended");
        await Assertions.Expect(notice).ToBeVisibleAsync();
        var input = page.Locator("#hub-chat-panel input[type=text], #hub-chat-panel textarea").First;
        await input.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        var ordinaryGreeting = page.Locator("#hub-chat-panel").GetByText("よくある質問にお答えするチャットボット", new() { Exact = false });
        await Assertions.Expect(ordinaryGreeting.First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var violations = await ChatsConsoleBrowserTests.AxeAsync(page, "ended-entry");
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("program-entry-ended.png") });
        var endedProgramAttribute = await page.Locator("#hub-chat").GetAttributeAsync("data-program");

        // Act: the entry of the program still in service.
        var second = await context.NewPageAsync();
        await second.GotoAsync(baseUrl + "/?program=lasting", new() { WaitUntil = WaitUntilState.Commit });
        await second.ClickAsync("#hub-chat-open");
        var programGreeting = second.Locator("#hub-chat-panel").GetByText("「テスト施策 lasting」", new() { Exact = false });
        await Assertions.Expect(programGreeting.First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await second.ScreenshotAsync(new() { Path = Browser.ArtifactPath("program-entry-in-service.png") });

        // Assert
        await Assertions.Expect(notice).ToContainTextAsync("closing の受付は終了しました。");
        await Assertions.Expect(notice).ToContainTextAsync("お問い合わせは市民課（電話 0120-000-000）へどうぞ。");
        Assert.Null(endedProgramAttribute);
        Assert.Equal(0, await second.Locator("#hub-chat-program-ended").CountAsync());
        Assert.True(violations.Count == 0, "serious or critical axe violations:\n" + string.Join("\n", violations));
        Assert.Empty(scriptErrors);
        await using var scope = host.Services.CreateAsyncScope();
        var programs = await scope.ServiceProvider.GetRequiredService<HubDbContext>().Conversations.AsNoTracking().Select(c => c.ProgramId).ToListAsync(ct);
        Assert.Equal([null, lasting.Id], programs.Order());
    }

    /// <summary>The system clock moved by a fixed offset: time still passes, days are the shifted ones.</summary>
    private sealed class ShiftedClock(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
    }
}
