using ConversationHub.Host.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ConversationHub.Host.Tests.EndToEnd;

/// <summary>A citizen on a phone: FAQ page → chat icon → the official Web Chat → question → answer → suggestion.</summary>
public sealed class WebChatBrowserTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    [Fact]
    public async Task ChatIcon_OnFaqPage_AnswersAQuestionWithSuggestions()
    {
        // Arrange
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, Locale = "ja-JP", HasTouch = true });
        var page = await context.NewPageAsync();
        var webChatRequests = 0;
        page.Request += (_, request) => webChatRequests += request.Url.Contains("/assets/webchat-", StringComparison.Ordinal) ? 1 : 0;
        await page.GotoAsync(fixture.Host.ClientOptions.BaseAddress + "category/" + await FirstCategoryIdAsync());
        Assert.Equal(0, webChatRequests);

        // Act: open the chat and ask.
        await page.ClickAsync("#hub-chat-open");
        var input = page.Locator("#hub-chat-panel input[type=text], #hub-chat-panel textarea").First;
        await input.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await input.FillAsync("住民票はどこで取れますか");
        await input.PressAsync("Enter");

        // Assert: the bot's answer and its suggested actions appear; a suggestion can be clicked.
        var answer = page.Locator("#hub-chat-panel").GetByText("住民票", new LocatorGetByTextOptions { Exact = false });
        await Assertions.Expect(answer.Last).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
        var suggestion = page.Locator("#hub-chat-panel .webchat__suggested-action, #hub-chat-panel [class*=suggested-action] button").First;
        await suggestion.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ArtifactPath("webchat-answer.png"), FullPage = false });
        await suggestion.ClickAsync();
        await page.WaitForTimeoutAsync(1500);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ArtifactPath("webchat-suggestion.png"), FullPage = false });
        Assert.Equal(1, webChatRequests);
    }

    private async Task<string> FirstCategoryIdAsync()
    {
        using var client = fixture.Host.CreateClient();
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var start = html.IndexOf("/category/", StringComparison.Ordinal) + "/category/".Length;
        return html[start..html.IndexOf('"', start)];
    }
}
