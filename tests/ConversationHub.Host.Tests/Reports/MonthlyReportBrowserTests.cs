using ConversationHub.Host.Tests.EndToEnd;
using ConversationHub.Host.Tests.Handoff;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.Playwright;

namespace ConversationHub.Host.Tests.Reports;

/// <summary>
/// The monthly report in Debian's Chromium at 1366×768: the SLA table reads by its caption and row headers, the chart
/// is drawn from the table under the page's strict CSP (no script error), the heat map keeps its numbers, a screenshot
/// is kept, and axe-core finds no serious or critical violation.
/// </summary>
public sealed class MonthlyReportBrowserTests
{
    [Fact]
    public async Task Supervisor_OpensNovembersMonthlyReport_ChartTablesAndNoViolations()
    {
        // Arrange
        var ct = TestTimeout.Token(240);
        var clock = new TestClock(ReportSeed.SeedTime);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, ct);
        await using var host = ReportSeed.Start(database, clock);
        await ReportSeed.SeedAsync(host, ct);
        clock.Advance(TimeSpan.FromDays(8));
        var baseUrl = host.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await StaffSignIn.NewConsolePageAsync(browser);
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            // A refused script or style shows as a console error; a 404 of the phone banner's probe does not count.
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                errors.Add(message.Text);
            }
        };
        await StaffSignIn.SignInAsync(page, baseUrl, "supervisor", "/console");

        // Act
        await page.GotoAsync(baseUrl + "/console/reports/monthly?month=2026-11", new() { WaitUntil = WaitUntilState.Commit });

        // Assert
        var sla = page.GetByRole(AriaRole.Table, new() { Name = "SLA（サービスレベル）" });
        await Assertions.Expect(sla).ToBeVisibleAsync();
        await Assertions.Expect(sla.GetByRole(AriaRole.Row, new() { Name = "応答率" }).GetByRole(AriaRole.Cell).Nth(2)).ToHaveTextAsync("達成");
        await page.WaitForFunctionAsync("() => { const c = document.getElementById('chart-days'); return c && c.width > 0 && typeof Chart !== 'undefined' && Chart.getChart(c) !== undefined; }");
        var heat = page.GetByRole(AriaRole.Table, new() { Name = "時間帯×曜日別の受付件数" });
        await Assertions.Expect(heat.GetByRole(AriaRole.Row, new() { Name = "9時～10時" }).GetByRole(AriaRole.Cell).First).ToHaveTextAsync("12");
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("reports-monthly.png") });
        Assert.Empty(errors);
        Assert.Empty(await ChatsConsoleBrowserTests.AxeAsync(page, "monthly report"));
    }
}
