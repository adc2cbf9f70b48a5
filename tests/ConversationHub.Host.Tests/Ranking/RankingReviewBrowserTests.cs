using ConversationHub.Faq.Ranking.Judgements;
using ConversationHub.Host.Tests.EndToEnd;
using ConversationHub.Host.Tests.FaqEditor;
using ConversationHub.Host.Tests.FaqSite;
using ConversationHub.Host.Tests.Handoff;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ConversationHub.Host.Tests.Ranking;

/// <summary>判定の確認 (issue 17) at 1366×768 with the keyboard only: filter, accept one candidate group, hear the result; no axe violations.</summary>
public sealed class RankingReviewBrowserTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    [Fact]
    public async Task Editor_AcceptsOneCandidateWithKeyboard_StatusIsFocusedAndGroupLeavesQueue()
    {
        // Arrange: one candidate group of two clicks.
        var ct = TestTimeout.Token(180);
        var marker = EditorForms.Marker();
        var faq = await FaqTestData.CreateAsync(fixture.Host, ct);
        var ids = await RankingReviewTests.SeedAsync(fixture.Host, faq.Id, $"{marker} 住民票", ct, JudgementSource.SearchClick, JudgementSource.SearchClick);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await StaffSignIn.NewConsolePageAsync(browser);
        var baseUrl = fixture.Host.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        await StaffSignIn.SignInAsync(page, baseUrl, "faq-editor", "/console/faq/ranking");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "判定の確認", Level = 1 })).ToBeVisibleAsync();

        // Act: type the marker into the text filter and submit with Enter; tab to the row's 承認する and press Enter.
        await page.GetByLabel("言葉（質問・FAQ）").FocusAsync();
        await page.Keyboard.TypeAsync(marker);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#results-summary")).ToContainTextAsync("判定待ち 1行");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ArtifactPath("ranking-review-queue.png"), FullPage = true });
        var violations = await ChatsConsoleBrowserTests.AxeAsync(page, "review");
        var listUrl = page.Url;

        // The reassign box open with results passes the same checks; its search field has the focus.
        await page.GotoAsync($"{baseUrl}/console/faq/ranking?q={marker}&reassign=c-{ids[0]}&find={Uri.EscapeDataString(faq.Question)}");
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "検索結果" })).ToBeVisibleAsync();
        violations.AddRange(await ChatsConsoleBrowserTests.AxeAsync(page, "reassign"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ArtifactPath("ranking-review-reassign.png"), FullPage = true });
        await page.GotoAsync(listUrl);
        // The row's query is in the button's name (visually hidden), so a screen reader says which row it accepts.
        var accept = page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex($"^承認する\\s*：{marker} 住民票$") });
        for (var i = 0; i < 60 && !await accept.EvaluateAsync<bool>("b => b === document.activeElement"); i++)
            await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");

        // Assert: the result is announced and focused; the group is gone; one decision per click.
        var status = page.Locator("#queue-message");
        await Assertions.Expect(status).ToHaveTextAsync("承認しました（判定2件）。");
        await Assertions.Expect(status).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#results-summary")).ToContainTextAsync("判定待ち 0行");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ArtifactPath("ranking-review-accepted.png"), FullPage = true });
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 1366, $"page is {width}px wide on a 1366px screen");
        Assert.True(violations.Count == 0, "axe violations:\n" + string.Join("\n", violations));
        var decided = await FaqTestData.WithFaqDbAsync(fixture.Host, db => db.RankingJudgements.AsNoTracking().CountAsync(j => j.ReviewOfId != null && ids.Contains(j.ReviewOfId.Value) && j.Grade == 2, ct));
        Assert.Equal(2, decided);
    }
}
