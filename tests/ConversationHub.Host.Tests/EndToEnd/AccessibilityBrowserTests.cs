using System.Text.Json;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.Playwright;

namespace ConversationHub.Host.Tests.EndToEnd;

/// <summary>
/// WCAG 2.1 A/AA checks with axe-core on the public pages and on an FAQ page with the chat open, and the chat's
/// keyboard contract: the icon is reachable with Tab, opens with Enter and Space, Escape closes and gives focus back.
/// Violations inside Web Chat's own markup are third-party: written to artifacts/a11y-webchat.json, not asserted.
/// </summary>
public sealed class AccessibilityBrowserTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private const string AxeTags = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']";

    [Fact]
    public async Task PublicPages_AndOpenChat_HaveNoAxeViolationsInOurMarkup()
    {
        // Arrange
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await (await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "ja-JP" })).NewPageAsync();
        var baseUrl = fixture.Host.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        var ours = new List<string>();
        var webChat = new List<string>();

        // Act: home, search results, an FAQ page with the chat panel open and answering.
        foreach (var path in new[] { "/", "/search?q=" + Uri.EscapeDataString("住民票") })
        {
            await page.GotoAsync(baseUrl + path);
            Split(await AxeAsync(page), path, ours, webChat);
        }

        // The first FAQ in the search results just checked (result links go through /search/click, which redirects).
        var faqPath = await page.Locator("main a[href^='/search/click'], main a[href^='/faq/']").First.GetAttributeAsync("href");
        await page.GotoAsync(baseUrl + faqPath);
        await page.ClickAsync("#hub-chat-open");
        var input = page.Locator("#hub-chat-panel input[type=text], #hub-chat-panel textarea").First;
        await input.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await input.FillAsync("住民票はどこで取れますか");
        await input.PressAsync("Enter");
        await page.Locator("#hub-chat-panel").GetByText("解決しましたか").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        Split(await AxeAsync(page), "faq+chat", ours, webChat);
        await File.WriteAllTextAsync(Browser.ArtifactPath("../a11y-webchat.json"), JsonSerializer.Serialize(webChat, Indented));

        // The harness itself finds a planted violation, so an empty list means something.
        await page.SetContentAsync("<!doctype html><html lang=\"ja\"><head><title>t</title></head><body><main><img src=\"x.png\"></main></body></html>");
        var planted = await AxeAsync(page);

        // Assert
        Assert.Contains(planted.EnumerateArray(), v => v.GetProperty("id").GetString() == "image-alt");
        Assert.True(ours.Count == 0, "axe violations in our markup:\n" + string.Join("\n", ours));
    }

    [Fact]
    public async Task ChatIcon_ByKeyboard_OpensWithEnterAndSpace_EscapeClosesAndReturnsFocus()
    {
        // Arrange
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await (await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "ja-JP" })).NewPageAsync();
        await page.GotoAsync(fixture.Host.ClientOptions.BaseAddress.ToString());

        // Act + Assert: Tab reaches the icon.
        var reached = false;
        for (var i = 0; i < 80 && !reached; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached = await ActiveIdAsync(page) == "hub-chat-open";
        }

        Assert.True(reached, "Tab never reached the chat icon");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#hub-chat-panel")).ToBeVisibleAsync();
        Assert.Equal("true", await page.GetAttributeAsync("#hub-chat-open", "aria-expanded"));

        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("#hub-chat-panel")).ToBeHiddenAsync();
        Assert.Equal("hub-chat-open", await ActiveIdAsync(page));

        await page.Keyboard.PressAsync(" ");
        await Assertions.Expect(page.Locator("#hub-chat-panel")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        Assert.Equal("hub-chat-open", await ActiveIdAsync(page));
    }

    private static Task<string> ActiveIdAsync(IPage page) => page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''");

    private static async Task<JsonElement> AxeAsync(IPage page)
    {
        await Browser.RunScriptFileAsync(page, AxePath());
        return await page.EvaluateAsync<JsonElement>(
            $"async () => (await axe.run(document, {{ runOnly: {{ type: 'tag', values: {AxeTags} }} }})).violations" +
            ".map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' ')), html: v.nodes.map(n => n.html.slice(0, 200)) }))");
    }

    // A node is Web Chat's when it sits inside the container our script hands to renderWebChat.
    private static void Split(JsonElement violations, string where, List<string> ours, List<string> webChat)
    {
        foreach (var violation in violations.EnumerateArray())
        {
            var targets = violation.GetProperty("targets").EnumerateArray().Select(t => t.GetString()!).ToList();
            var html = violation.GetProperty("html").EnumerateArray().Select(t => t.GetString()!).ToList();
            for (var i = 0; i < targets.Count; i++)
            {
                var line = $"{where}: {violation.GetProperty("id").GetString()} ({violation.GetProperty("impact")}) {targets[i]} :: {html[i]}";
                (IsWebChat(targets[i]) ? webChat : ours).Add(line);
            }
        }
    }

    private static bool IsWebChat(string target) => target.Contains(".webchat", StringComparison.Ordinal) || target.Contains("hub-chat-webchat", StringComparison.Ordinal);

    private static string AxePath()
    {
        var path = Path.Combine(Checkout.TryFindRoot() ?? ".", "tests", "js", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing: run `cd tests/js && npm ci`.");
    }
}
