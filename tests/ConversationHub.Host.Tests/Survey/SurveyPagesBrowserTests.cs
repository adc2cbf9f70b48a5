using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.EndToEnd;
using ConversationHub.Host.Tests.Handoff;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.Playwright;

namespace ConversationHub.Host.Tests.Survey;

/// <summary>
/// The survey's pages in Debian's Chromium at 1366×768: an administrator rewords the consent question and saves (a new
/// version), then reads yesterday's results, free texts included; axe-core finds no serious or critical violation.
/// </summary>
public sealed class SurveyPagesBrowserTests
{
    [Fact]
    public async Task Administrator_EditsTheSurveyThenReadsTheResults_AccessiblePages()
    {
        // Arrange
        var ct = TestTimeout.Token(180);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, cancellationToken: ct);
        var day = (await SurveyTestData.SeedAsync(host, ct)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var baseUrl = host.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await StaffSignIn.NewConsolePageAsync(browser);
        await StaffSignIn.SignInAsync(page, baseUrl, "admin", "/console/admin/survey");

        // Act: reword the consent question, save.
        var consent = page.GetByLabel("同意の質問（「はい」「いいえ」で回答）");
        await consent.FillAsync("アンケートにご協力いただけますか？（任意です）");
        Assert.Empty(await ChatsConsoleBrowserTests.AxeAsync(page, "survey settings"));
        await page.GetByRole(AriaRole.Button, new() { Name = "新しい版として保存" }).ClickAsync();

        // Assert: saved as version 2; the required items have no remove box.
        await Assertions.Expect(page.Locator("#survey-saved")).ToHaveTextAsync("第2版として保存しました。");
        await Assertions.Expect(consent).ToHaveValueAsync("アンケートにご協力いただけますか？（任意です）");
        await Assertions.Expect(page.Locator("#survey-items tr[data-key='age'] input[name$='.Remove']")).ToHaveCountAsync(0);

        // Act: the results, free texts shown.
        await page.GotoAsync($"{baseUrl}/console/reports/survey?from={day}&to={day}", new() { WaitUntil = WaitUntilState.Commit });
        await page.GetByLabel("自由記述を表示（閲覧は記録されます）").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "表示", Exact = true }).ClickAsync();

        // Assert
        var summary = page.GetByRole(AriaRole.Table, new() { Name = "実施状況" });
        await Assertions.Expect(summary.GetByRole(AriaRole.Row, new() { Name = "案内した件数" }).GetByRole(AriaRole.Cell)).ToHaveTextAsync("5");
        await Assertions.Expect(page.Locator("table.survey-texts")).ToContainTextAsync("説明が丁寧でした");
        var age = page.GetByRole(AriaRole.Table, new() { Name = "年代を教えてください。" });
        await Assertions.Expect(age.GetByRole(AriaRole.Row, new() { Name = "30代" }).GetByRole(AriaRole.Cell).First).ToHaveTextAsync("2");
        Assert.Empty(await ChatsConsoleBrowserTests.AxeAsync(page, "survey results"));
    }
}
