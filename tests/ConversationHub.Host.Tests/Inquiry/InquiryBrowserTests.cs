using System.Text.Json;
using ConversationHub.Host.Tests.EndToEnd;
using ConversationHub.Testing;
using Microsoft.Playwright;

namespace ConversationHub.Host.Tests.Inquiry;

/// <summary>
/// The form in Chromium on a phone-sized screen: axe-core (WCAG 2.1 A/AA) on the form, on its errors and on the
/// confirmation; the error summary takes focus; the live counter; large touch targets; through to the 受付番号.
/// </summary>
public sealed class InquiryBrowserTests(InquiryFormFixture fixture) : IClassFixture<InquiryFormFixture>
{
    private const string AxeTags = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']";

    [Fact]
    public async Task Form_OnAPhone_IsAccessible_AndReachesTheCaseNumber()
    {
        // Arrange
        var ct = TestTimeout.Token(180);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "ja-JP",
            ViewportSize = new ViewportSize { Width = 375, Height = 740 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
        });
        var page = await context.NewPageAsync();
        var baseUrl = fixture.Host.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        var violations = new List<string>();

        // Act 1: the form, then 確認 with nothing filled in.
        await page.GotoAsync($"{baseUrl}/inquiry?faq={fixture.Faq.Id}");
        violations.AddRange(await AxeAsync(page, "form"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ArtifactPath("inquiry-form-phone.png"), FullPage = true });
        await page.FillAsync("#description", "あいうえお");
        var counter = await page.TextContentAsync("#description-counter");
        await page.ClickAsync("button[type=submit]:has-text('入力内容を確認する')");
        await page.WaitForSelectorAsync("#error-summary");
        var focused = await page.EvaluateAsync<string>("() => document.activeElement && document.activeElement.id");
        violations.AddRange(await AxeAsync(page, "errors"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ArtifactPath("inquiry-form-errors-phone.png"), FullPage = true });
        var buttonHeight = await page.EvaluateAsync<double>("() => document.querySelector('.actions button').getBoundingClientRect().height");

        // Act 2: fill it in, wait out the minimum fill time, 確認, 送信.
        await page.FillAsync("#name", "若葉 花子");
        await page.FillAsync("#email", "hanako@example.jp");
        await page.FillAsync("#emailConfirm", "hanako@example.jp");
        await page.CheckAsync("#cf_ward_1");
        await page.CheckAsync("#agree");
        await Task.Delay(1100, ct);
        await page.ClickAsync("button[type=submit]:has-text('入力内容を確認する')");
        await page.WaitForSelectorAsync("h1:has-text('入力内容の確認')");
        violations.AddRange(await AxeAsync(page, "confirm"));
        await page.ClickAsync("button:has-text('送信する')");
        await page.WaitForSelectorAsync("#case-number");
        var number = await page.TextContentAsync("#case-number");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ArtifactPath("inquiry-received-phone.png"), FullPage = true });
        violations.AddRange(await AxeAsync(page, "received"));

        // Assert
        Assert.Equal("あと 1995 文字入力できます。", counter);
        Assert.Equal("error-summary", focused);
        Assert.True(buttonHeight >= 44, $"the button is {buttonHeight}px high");
        Assert.Matches(InquiryBrowser.CaseNumber(), number ?? "");
        Assert.True(violations.Count == 0, "axe violations:\n" + string.Join("\n", violations));
    }

    private static async Task<List<string>> AxeAsync(IPage page, string step)
    {
        var path = Path.Combine(Checkout.TryFindRoot() ?? ".", "tests", "js", "node_modules", "axe-core", "axe.min.js");
        await Browser.RunScriptFileAsync(page, path);
        // The chat widget is the FAQ site's own and checked by AccessibilityBrowserTests; this checks the form.
        var found = await page.EvaluateAsync<JsonElement>(
            $"async () => (await axe.run({{ exclude: [['#hub-chat']] }}, {{ runOnly: {{ type: 'tag', values: {AxeTags} }} }})).violations" +
            ".map(v => v.id + ' ' + v.help + ' ' + v.nodes.map(n => n.target.join(' ')).join(', '))");
        return [.. found.EnumerateArray().Select(v => $"{step}: {v.GetString()}")];
    }
}
