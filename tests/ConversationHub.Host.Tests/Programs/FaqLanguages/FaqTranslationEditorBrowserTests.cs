using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.EndToEnd;
using ConversationHub.Host.Tests.Handoff;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.Playwright;

namespace ConversationHub.Host.Tests.Programs.FaqLanguages;

/// <summary>
/// The FAQ translation editor in Debian's Chromium at 1366×768: an FAQ editor opens it from the FAQ's edit page, a save
/// with an answer but no question is refused (the error summary takes focus and links to the field), the corrected save
/// is confirmed, and the public page shows the English. axe-core finds no serious or critical violation on the editor,
/// the refused form and the public English page; no page scrolls sideways.
/// </summary>
public sealed class FaqTranslationEditorBrowserTests
{
    [Fact]
    public async Task Editor_EntersAnEnglishTranslation_AccessibleAt1366x768()
    {
        // Arrange: coupon-007 has no translation in the demo.
        var ct = TestTimeout.Token(300);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, cancellationToken: ct);
        var (faqId, question) = await FaqLanguageTestData.FaqAsync(host, "coupon-007", ct);
        var baseUrl = host.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await StaffSignIn.NewConsolePageAsync(browser);
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        var violations = new List<string>();
        var widths = new List<string>();
        async Task CheckAsync(string where)
        {
            violations.AddRange(await ChatsConsoleBrowserTests.AxeAsync(page, where));
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            if (width > 1366)
                widths.Add($"{where}: {width}px");
        }

        await StaffSignIn.SignInAsync(page, baseUrl, "faq-editor", $"/console/faq/edit/{faqId}");

        // Act: from the edit page to the translations; an answer without a question first.
        await page.GetByRole(AriaRole.Link, new() { Name = "翻訳（英語・中国語・韓国語）" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "翻訳（英語・中国語・韓国語）", Level = 1 })).ToBeVisibleAsync();
        await CheckAsync("editor");
        await page.Locator("#a-en").FillAsync("At registered shops in the city.");
        await page.GetByRole(AriaRole.Button, new() { Name = "英語の翻訳を保存" }).ClickAsync();
        var summary = page.Locator("#error-summary");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary).ToContainTextAsync("回答を入力した場合は、質問も入力してください。");
        await Assertions.Expect(page.Locator("#q-en")).ToHaveAttributeAsync("aria-invalid", "true");
        await CheckAsync("refused");
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("faq-translations-refused.png") });

        await page.Locator("#q-en").FillAsync("Where can I use the coupons?");
        await page.GetByRole(AriaRole.Button, new() { Name = "英語の翻訳を保存" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("英語の翻訳を保存しました。");
        await CheckAsync("saved");
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("faq-translations-saved.png") });

        await page.GotoAsync(baseUrl + FaqLanguageTestData.PagePath(faqId, question, "en"), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.Locator("h1[lang=en]")).ToContainTextAsync("Where can I use the coupons?");
        await CheckAsync("public-en");
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("faq-public-en.png") });

        // Assert
        Assert.Equal("At registered shops in the city.", await page.Locator(".answer[lang=en] p:not(.a-label)").First.InnerTextAsync());
        Assert.True(violations.Count == 0, "serious or critical axe violations:\n" + string.Join("\n", violations));
        Assert.Empty(widths);
        Assert.Empty(scriptErrors);
    }
}
