using ConversationHub.Core.Persistence;
using ConversationHub.Faq.Ranking.Judgements;
using ConversationHub.Host.Tests.EndToEnd;
using ConversationHub.Host.Tests.FaqSite;
using ConversationHub.Host.Tests.Handoff;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ConversationHub.Host.Tests.Ranking;

/// <summary>
/// The FAQ editors' retraining console end to end in Chromium at 1366×768 (issue 17): review the citizens' clicks
/// (bulk accept after the confirmation) → train in the background with live progress → compare with the active
/// model and read the changed first answers → promote → roll back, then the charts; screenshots of every step and
/// no serious or critical axe violations.
/// </summary>
public sealed class RetrainingConsoleWalkBrowserTests
{
    private static readonly BrowserNewContextOptions Screen = new()
    {
        ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        Locale = "ja-JP",
        TimezoneId = "Asia/Tokyo",
    };

    [Fact]
    public async Task Editor_ReviewsTrainsComparesPromotesAndRollsBack()
    {
        // Arrange: topics whose right FAQ loses to a decoy in first-stage search; an active model that keeps the
        // decoys first; and, per topic, two citizens' clicks on the right FAQ waiting for review.
        var ct = TestTimeout.Token(600);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, cancellationToken: ct);
        var topics = await PlatformTrainingTests.SeedTopicsAsync(host, ct);
        foreach (var (query, right, _) in topics)
            await RankingReviewTests.SeedAsync(host, right, query, ct, JudgementSource.SearchClick, JudgementSource.SearchClick);
        var earlier = await PlatformTrainingTests.AddActiveModelAsync(host, preferAnswersWithoutQueryWords: false, ct);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(Screen);
        var page = await context.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        var baseUrl = host.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        await StaffSignIn.SignInAsync(page, baseUrl, "faq-editor", "/console/faq/ranking");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "判定の確認", Level = 1 })).ToBeVisibleAsync(new() { Timeout = 60_000 });

        // Review: the clicks, filtered by source, accepted in bulk after the confirmation that states the count.
        await page.GetByLabel("出どころ", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "検索結果のクリック" });
        await page.GetByRole(AriaRole.Button, new() { Name = "絞り込む", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#results-summary")).ToContainTextAsync($"判定待ち {topics.Count}行");
        var violations = await ChatsConsoleBrowserTests.AxeAsync(page, "review");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ArtifactPath("retraining-1-review.png"), FullPage = true });
        await page.Locator("#bulk-scope").SelectOptionAsync("filtered");
        await page.Locator("#bulk-decision").SelectOptionAsync("accept2");
        await page.Locator("#bulk").GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.Locator("#bulk-confirm")).ToContainTextAsync($"{topics.Count}行（判定{2 * topics.Count}件）");
        await page.GetByRole(AriaRole.Button, new() { Name = "実行する", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#results-summary")).ToContainTextAsync("判定待ち 0行");

        // Train: the run goes on in the background; the page follows it without a reload.
        await page.GetByRole(AriaRole.Link, new() { Name = "学習とモデル", Exact = true }).ClickAsync();
        await page.Locator("#start-training").ClickAsync();
        await Assertions.Expect(page.Locator("#training-progress-text")).ToHaveTextAsync("学習が終わりました。結果を確認してください。", new() { Timeout = 240_000 });
        await Assertions.Expect(page.Locator("#training-progress")).ToHaveAttributeAsync("value", "5");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ArtifactPath("retraining-2-trained.png"), FullPage = true });

        // Compare: the figures of both models and the queries whose first answer changes, readable as questions.
        await page.Locator("#training-result-link").EvaluateAsync("a => a.click()");
        await Assertions.Expect(page.Locator("#run-figures")).ToContainTextAsync("上位10件の並びのよさ（nDCG@10）");
        var changed = page.Locator("#changed-answers");
        await Assertions.Expect(changed).ToBeVisibleAsync();
        await Assertions.Expect(changed).ToContainTextAsync("について");
        violations.AddRange(await ChatsConsoleBrowserTests.AxeAsync(page, "comparison"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ArtifactPath("retraining-3-compare.png"), FullPage = true });
        var proposed = await FaqTestData.WithFaqDbAsync(host, db => db.RankingModels.AsNoTracking().MaxAsync(m => m.Id, ct));
        Assert.NotEqual(earlier, proposed);
        Assert.Equal(earlier, await ActiveAsync(host, ct));

        // Promote, confirmed: the new model serves and the log names the editor's action.
        await page.Locator($"#activate-{proposed}").ClickAsync();
        var confirm = page.Locator("#confirm-activate");
        await Assertions.Expect(confirm).ToHaveTextAsync($"モデル {proposed} に切り替える");
        violations.AddRange(await ChatsConsoleBrowserTests.AxeAsync(page, "confirm promote"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ArtifactPath("retraining-4-confirm-promote.png"), FullPage = true });
        await confirm.ClickAsync();
        await Assertions.Expect(page.Locator("#activation-log")).ToContainTextAsync(proposed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(proposed, await ActiveAsync(host, ct));

        // Roll back to the earlier model, confirmed.
        await page.Locator($"#activate-{earlier}").ClickAsync();
        await Assertions.Expect(page.Locator("#confirm-activate")).ToHaveTextAsync($"モデル {earlier} に戻す");
        await page.Locator("#confirm-activate").ClickAsync();
        await Assertions.Expect(page.Locator($"#activate-{proposed}")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ArtifactPath("retraining-5-rolled-back.png"), FullPage = true });
        Assert.Equal(earlier, await ActiveAsync(host, ct));
        var log = await FaqTestData.WithFaqDbAsync(host, db => db.RankingModelActivations.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct));
        Assert.Equal([proposed, earlier], log.TakeLast(2).Select(a => a.ModelId));

        // Charts: drawn, with the numbers in tables, the new model among them.
        await page.GetByRole(AriaRole.Link, new() { Name = "品質の推移", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#table-models")).ToContainTextAsync($"No.{proposed}");
        await page.WaitForFunctionAsync("() => window.Chart && ['chart-models','chart-judgements','chart-confident'].every(id => window.Chart.getChart(id))");
        violations.AddRange(await ChatsConsoleBrowserTests.AxeAsync(page, "charts"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ArtifactPath("retraining-6-charts.png"), FullPage = true });

        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 1366, $"charts page is {width}px wide on a 1366px screen");
        Assert.True(violations.Count == 0, "axe violations:\n" + string.Join("\n", violations));
        Assert.True(scriptErrors.Count == 0, "script errors:\n" + string.Join("\n", scriptErrors));
    }

    private static Task<long> ActiveAsync(HubHost host, CancellationToken ct) =>
        FaqTestData.WithFaqDbAsync(host, db => db.RankingModels.AsNoTracking().Where(m => m.IsActive).Select(m => m.Id).SingleAsync(ct));
}
