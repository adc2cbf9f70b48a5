using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.EndToEnd;
using ConversationHub.Host.Tests.Handoff;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.Playwright;

namespace ConversationHub.Host.Tests.Reports;

/// <summary>
/// The daily report in Debian's Chromium: a supervisor opens it from the console's menu, reads the table by its caption
/// and row headers, and axe-core finds no serious or critical violation.
/// </summary>
public sealed class DailyReportBrowserTests
{
    [Fact]
    public async Task Supervisor_OpensTheDailyReportFromTheConsole_AccessibleTable()
    {
        // Arrange
        var ct = TestTimeout.Token(180);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, cancellationToken: ct);
        await DailyReportPageTests.SeedAsync(host, ct);
        var baseUrl = host.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await StaffSignIn.NewConsolePageAsync(browser);
        await StaffSignIn.SignInAsync(page, baseUrl, "supervisor", "/console");

        // Act
        await page.GetByRole(AriaRole.Link, new() { Name = "報告（日次）" }).ClickAsync();
        await page.WaitForURLAsync("**/console/reports", new() { WaitUntil = WaitUntilState.Commit });
        await page.GetByLabel("対象日").FillAsync("2026-11-18");
        await page.GetByRole(AriaRole.Button, new() { Name = "表示" }).ClickAsync();
        await page.WaitForURLAsync("**/console/reports?date=2026-11-18&program=", new() { WaitUntil = WaitUntilState.Commit });

        // Assert
        var table = page.GetByRole(AriaRole.Table, new() { Name = "時間帯別件数" });
        await Assertions.Expect(table).ToBeVisibleAsync();
        var nine = table.GetByRole(AriaRole.Row, new() { Name = "9時～10時" });
        await Assertions.Expect(nine.GetByRole(AriaRole.Cell).First).ToHaveTextAsync("2");
        Assert.Empty(await ChatsConsoleBrowserTests.AxeAsync(page, "daily report"));
    }
}
