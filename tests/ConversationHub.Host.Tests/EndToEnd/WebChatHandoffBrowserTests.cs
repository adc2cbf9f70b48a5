using System.Text.Json;
using System.Text.RegularExpressions;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Handoff;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.Playwright;

namespace ConversationHub.Host.Tests.EndToEnd;

/// <summary>
/// A citizen on a phone asks the official Web Chat for a person while an operator is signed in (the official .NET
/// SignalR client on the consoles' hub): the widget's status bar shows the place in the queue from the queue's
/// <c>handoff.status</c> events, then that an operator is answering; after the end it offers a new chat, which starts
/// with a fresh token. A citizen who stops waiting from the bar is offered a new chat too.
/// </summary>
public sealed partial class WebChatHandoffBrowserTests
{
    [Fact]
    public async Task AskForOperator_Queued_ThenAccepted_ThenClosed_OffersANewChat()
    {
        // Arrange: the queue open at any hour and an operator who takes work.
        var ct = TestTimeout.Token(300);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, HandoffSettings.OpenAllDay(), ct);
        await using var agent = await AgentClient.ConnectAsync(host, "operator", ct);
        await AssertOkAsync(agent.AvailableAsync(ct));
        var (playwright, browser, page) = await OpenFaqSiteAsync(host);
        using var _ = playwright;
        await using var __ = browser;
        var tokens = 0;
        page.Request += (_, request) => tokens += request.Url.EndsWith("/v3/directline/tokens/generate", StringComparison.Ordinal) ? 1 : 0;
        await page.ClickAsync("#hub-chat-open");
        var bar = page.Locator("#hub-chat-handoff");
        var barText = page.Locator("#hub-chat-handoff-text");
        var barButton = page.Locator("#hub-chat-handoff-action");

        // Act: ask for a person.
        await SayAsync(page, "オペレーターと話す");

        // Assert: the bot's message, then the bar with the place and a rough wait, and a way out.
        await Assertions.Expect(page.Locator("#hub-chat-panel").GetByText("オペレーターにおつなぎします", new LocatorGetByTextOptions { Exact = false }).First)
            .ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
        await Assertions.Expect(barText).ToHaveTextAsync(QueuedFirst(), new LocatorAssertionsToHaveTextOptions { Timeout = 30_000 });
        await Assertions.Expect(barButton).ToHaveTextAsync("待つのをやめる");
        Assert.Equal("polite", await barText.GetAttributeAsync("aria-live"));
        await ScreenshotAsync(page, "webchat-handoff-queued.png");
        var violations = await OurAxeViolationsAsync(page);

        // Act: the operator accepts the offer and writes.
        var conversationId = Guid.Parse(await Eventually.UntilAsync(() => agent.Offers.TryPeek(out var id) ? id.ToString() : null, "an offer", ct));
        await AssertOkAsync(agent.ActAsync("Accept", ct, conversationId));
        await Assertions.Expect(barText).ToHaveTextAsync("オペレーターが対応中です", new LocatorAssertionsToHaveTextOptions { Timeout = 30_000 });
        await Assertions.Expect(barButton).ToBeHiddenAsync();
        await AssertOkAsync(agent.ActAsync("Send", ct, conversationId, "担当の者です。どのようなご用件でしょうか。", "agent-1"));
        await Assertions.Expect(page.Locator("#hub-chat-panel").GetByText("担当の者です。どのようなご用件でしょうか。").First)
            .ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
        await ScreenshotAsync(page, "webchat-handoff-accepted.png");
        violations.AddRange(await OurAxeViolationsAsync(page));

        // Act: the operator closes; the chat still takes the answer to the survey's consent question (declined here).
        await AssertOkAsync(agent.ActAsync("Close", ct, conversationId, "resolved"));
        await Assertions.Expect(bar).ToHaveAttributeAsync("data-state", "survey", new LocatorAssertionsToHaveAttributeOptions { Timeout = 30_000 });
        var survey = page.Locator("#hub-chat-panel .webchat__suggested-action, #hub-chat-panel [class*=suggested-action] button", new PageLocatorOptions { HasText = "いいえ" }).First;
        await survey.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await survey.ClickAsync();

        // Assert: with the answer sent, a new chat is offered; it starts afresh (a new token) and answers questions.
        await Assertions.Expect(barButton).ToHaveTextAsync("新しく質問する", new LocatorAssertionsToHaveTextOptions { Timeout = 30_000 });
        await Assertions.Expect(bar).ToHaveAttributeAsync("data-state", "ended");
        await ScreenshotAsync(page, "webchat-handoff-ended.png");
        violations.AddRange(await OurAxeViolationsAsync(page));
        await barButton.ClickAsync();
        await Assertions.Expect(bar).ToHaveAttributeAsync("data-state", "none");
        await SayAsync(page, "住民票はどこで取れますか");
        await Assertions.Expect(page.Locator("#hub-chat-panel").GetByText("解決しましたか").First).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#hub-chat-panel").GetByText("担当の者です。どのようなご用件でしょうか。")).ToHaveCountAsync(0);
        Assert.Equal(2, tokens);
        Assert.True(violations.Count == 0, "axe violations in the status bar:\n" + string.Join("\n", violations));
    }

    [Fact]
    public async Task QueuedCitizen_StopsWaitingFromTheBar_IsOfferedANewChat()
    {
        // Arrange
        var ct = TestTimeout.Token(300);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, HandoffSettings.OpenAllDay(), ct);
        await using var agent = await AgentClient.ConnectAsync(host, "operator", ct);
        await AssertOkAsync(agent.AvailableAsync(ct));
        var (playwright, browser, page) = await OpenFaqSiteAsync(host);
        using var _ = playwright;
        await using var __ = browser;
        await page.ClickAsync("#hub-chat-open");
        var barText = page.Locator("#hub-chat-handoff-text");
        var barButton = page.Locator("#hub-chat-handoff-action");
        await SayAsync(page, "オペレーターと話す");
        await Assertions.Expect(barText).ToHaveTextAsync(QueuedFirst(), new LocatorAssertionsToHaveTextOptions { Timeout = 30_000 });

        // Act: 待つのをやめる on the bar.
        await barButton.ClickAsync();

        // Assert: the bot takes the citizen out of the queue, and the bar offers a new chat.
        await Assertions.Expect(page.Locator("#hub-chat-panel").GetByText("おつなぎを取りやめました", new LocatorGetByTextOptions { Exact = false }).First)
            .ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
        await Assertions.Expect(barButton).ToHaveTextAsync("新しく質問する", new LocatorAssertionsToHaveTextOptions { Timeout = 30_000 });
        await Assertions.Expect(barText).ToContainTextAsync("このチャットは終わりました");
        await ScreenshotAsync(page, "webchat-handoff-abandoned.png");
        var snapshot = await agent.InvokeAsync("GetSnapshot", ct);
        Assert.Equal(0, snapshot.GetProperty("queueLength").GetInt32());
    }

    private static async Task AssertOkAsync(Task<(bool Ok, string Error, string? Message)> call)
    {
        var (ok, error, message) = await call;
        Assert.True(ok, $"hub call refused: {error} {message}");
    }

    // Web Chat scrolls to a new message smoothly: the picture is taken once it has settled.
    private static async Task ScreenshotAsync(IPage page, string fileName)
    {
        await page.WaitForTimeoutAsync(1000);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ArtifactPath(fileName) });
    }

    // The FAQ site's home page, on a phone-sized screen unless told otherwise.
    private static async Task<(IPlaywright Playwright, IBrowser Browser, IPage Page)> OpenFaqSiteAsync(HubHost host, ViewportSize? viewport = null)
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = viewport ?? new ViewportSize { Width = 390, Height = 844 },
            Locale = "ja-JP",
            HasTouch = viewport is null,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.ClientOptions.BaseAddress.ToString());
        return (playwright, browser, page);
    }

    // Types and sends like a citizen. Web Chat takes the send box's Enter only once its connection is up, so a box
    // that still holds the text a moment later is sent again.
    private static async Task SayAsync(IPage page, string text)
    {
        var input = page.Locator("#hub-chat-panel input[type=text], #hub-chat-panel textarea").First;
        await input.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await input.FillAsync(text);
        for (var attempt = 0; attempt < 10 && await input.InputValueAsync() == text; attempt++)
        {
            await input.PressAsync("Enter");
            await page.WaitForTimeoutAsync(500);
        }

        await Assertions.Expect(input).ToHaveValueAsync("");
    }

    // axe-core on our status bar only (Web Chat's own markup is third-party; AccessibilityBrowserTests records it).
    private static async Task<List<string>> OurAxeViolationsAsync(IPage page)
    {
        var axe = Path.Combine(Checkout.TryFindRoot() ?? ".", "tests", "js", "node_modules", "axe-core", "axe.min.js");
        Assert.True(File.Exists(axe), $"{axe} is missing: run `cd tests/js && npm ci`.");
        await Browser.RunScriptFileAsync(page, axe);
        var violations = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run({ include: [['#hub-chat-handoff']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations" +
            ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', '))");
        return [.. violations.EnumerateArray().Select(v => v.GetString()!)];
    }

    [GeneratedRegex("^オペレーター待ち：1番目（目安 約[0-9]+分）$")]
    private static partial Regex QueuedFirst();
}
