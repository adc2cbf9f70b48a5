using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.EndToEnd;
using ConversationHub.Host.Tests.Handoff;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.Playwright;

namespace ConversationHub.Host.Tests.Programs;

/// <summary>
/// 施策 in Debian's Chromium at 1366×768: the administrator adds a program whose first try is refused (the error summary
/// takes focus and links to the fields), then saves it and finds it in the list. axe-core finds no serious or critical
/// violation on the list, the refused form and the saved program's page, and no page scrolls sideways.
/// </summary>
public sealed class ProgramAdministrationBrowserTests
{
    [Fact]
    public async Task Administrator_AddsAProgram_AccessibleAt1366x768()
    {
        // Arrange
        var ct = TestTimeout.Token(300);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, cancellationToken: ct);
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

        string Day(int fromToday) => ProgramSeed.TodayInJapan.AddDays(fromToday).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await StaffSignIn.SignInAsync(page, baseUrl, "admin", "/console/programs");
        await CheckAsync("list");

        // Act: the first try has its disposal date before the end of service and a phone number not in E.164.
        await page.GetByRole(AriaRole.Link, new() { Name = "施策を追加" }).First.ClickAsync();
        await page.GetByLabel("コード").FillAsync("kosodate");
        await page.GetByLabel("施策名").FillAsync("子育て世帯臨時給付金");
        await page.GetByLabel("開始日").FillAsync(Day(30));
        await page.GetByLabel("受付終了日（この日まで受け付けます）").FillAsync(Day(120));
        await page.GetByLabel("データ廃棄日（受付終了日より後）").FillAsync(Day(100));
        await page.GetByLabel("月曜日").FillAsync("08:30-17:15");
        await page.GetByLabel("電話番号（E.164 形式、1行に1件）").FillAsync("0312345678");
        await page.GetByLabel("受付終了のお知らせ").FillAsync("給付金の受付は終了しました。");
        await page.GetByLabel("英語").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "作成" }).ClickAsync();
        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary).ToContainTextAsync("データ廃棄日は受付終了日より後の日付にしてください。");
        await Assertions.Expect(summary).ToContainTextAsync("電話番号「0312345678」は E.164 形式");
        await Assertions.Expect(page.Locator("#f-DisposalOn")).ToHaveAttributeAsync("aria-invalid", "true");
        await CheckAsync("refused");
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("programs-refused.png") });

        await page.GetByLabel("データ廃棄日（受付終了日より後）").FillAsync(Day(400));
        await page.GetByLabel("電話番号（E.164 形式、1行に1件）").FillAsync("+81312345678");
        await page.GetByRole(AriaRole.Button, new() { Name = "作成" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "施策の編集：子育て世帯臨時給付金" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#chat-entry")).ToHaveValueAsync(baseUrl + "/?program=kosodate");
        await CheckAsync("saved");
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("programs-saved.png") });
        await page.GetByRole(AriaRole.Link, new() { Name = "施策一覧" }).ClickAsync();

        // Assert
        await Assertions.Expect(page.Locator("#programs-table tr[data-program=kosodate]")).ToContainTextAsync("開始前");
        Assert.True(violations.Count == 0, "serious or critical axe violations:\n" + string.Join("\n", violations));
        Assert.True(widths.Count == 0, "pages wider than 1366px: " + string.Join(", ", widths));
        Assert.Empty(scriptErrors);
    }
}
