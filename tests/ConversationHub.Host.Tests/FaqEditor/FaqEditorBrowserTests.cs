using ConversationHub.Faq.Site;
using ConversationHub.Host.Tests.EndToEnd;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.Playwright;

namespace ConversationHub.Host.Tests.FaqEditor;

/// <summary>An FAQ editor on a phone-sized screen: sign in, find an FAQ, edit with preview, save, publish.</summary>
public sealed class FaqEditorBrowserTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    [Fact]
    public async Task Editor_EditsAndPublishesAnFaq_CitizensSeeTheNewAnswer()
    {
        // Arrange: a draft written earlier.
        var ct = TestTimeout.Token(120);
        var marker = EditorForms.Marker();
        var question = $"{marker} の証明書はどこで受け取れますか？";
        using (var http = await fixture.Host.SignInAsync("faq-editor", ct))
        {
            await EditorForms.CreateAsync(http, question, "下書きの回答です。", ct);
        }

        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, Locale = "ja-JP" });
        var page = await context.NewPageAsync();
        var baseUrl = fixture.Host.ClientOptions.BaseAddress.ToString().TrimEnd('/');

        // Act: sign in with the keyboard, open the FAQ from the filtered list.
        await StaffSignIn.SignInAsync(page, baseUrl, "faq-editor", "/console/faq");
        await page.GetByLabel("キーワード（質問・言い換え・回答）").FillAsync(marker);
        await page.GetByRole(AriaRole.Button, new() { Name = "絞り込む" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = question }).ClickAsync();

        await Assertions.Expect(page.GetByLabel("分野", new() { Exact = true })).ToHaveValueAsync("住民票・戸籍・印鑑登録");

        // Edit, preview, save.
        await page.GetByLabel("回答（Markdown）").FillAsync($"**{marker}** の証明書は、市民課の2番窓口で受け取れます。");
        await page.GetByRole(AriaRole.Button, new() { Name = "回答をプレビュー" }).ClickAsync();
        await Assertions.Expect(page.Locator("#preview strong")).ToHaveTextAsync(marker);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する", Exact = true }).Last.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("保存しました。");

        // Publish, confirmed on its own page.
        await page.GetByRole(AriaRole.Link, new() { Name = "公開する" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "公開する" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("公開しました。");
        await Assertions.Expect(page.GetByLabel("分野", new() { Exact = true })).ToHaveValueAsync("住民票・戸籍・印鑑登録");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ArtifactPath("faq-editor-published.png"), FullPage = true });

        // Assert: the public page shows the new answer; the editor page fits the phone's width.
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"page is {width}px wide on a 390px screen");
        var id = page.Url.Split('/', '?')[^2];
        await page.GotoAsync(baseUrl + FaqSlug.CanonicalPath(Guid.Parse(id), question));
        await Assertions.Expect(page.Locator(".answer strong")).ToHaveTextAsync(marker);
    }
}
