using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.EndToEnd;
using ConversationHub.Host.Tests.Handoff;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.Playwright;

namespace ConversationHub.Host.Tests.Programs;

/// <summary>
/// The roster page in Debian's Chromium at 1366×768, opened beside a conversation: an operator looks a child up by
/// name, era date of birth and postal code, reads the household, and axe-core finds no serious or critical violation.
/// </summary>
public sealed class RosterPageBrowserTests
{
    [Fact]
    public async Task Operator_LooksUpAChildBesideAConversation_AccessiblePage()
    {
        // Arrange
        var ct = TestTimeout.Token(180);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, cancellationToken: ct);
        await RosterTestData.CreateWithRosterAsync(host, ct);
        var baseUrl = host.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await StaffSignIn.NewConsolePageAsync(browser);
        await StaffSignIn.SignInAsync(page, baseUrl, "operator", $"{RosterTestData.Page}&conversation={Guid.NewGuid()}");
        Assert.Empty(await ChatsConsoleBrowserTests.AxeAsync(page, "roster look-up form"));

        // Act
        await page.GetByLabel("氏名（世帯主または子どもの氏名）").FillAsync("青葉 一郎");
        await page.GetByLabel("生年月日").FillAsync("平成30年1月5日");
        await page.GetByLabel("郵便番号").FillAsync("123-4568");
        await page.GetByRole(AriaRole.Button, new() { Name = "照会する" }).ClickAsync();

        // Assert
        var result = page.Locator("#roster-result");
        await Assertions.Expect(result).ToContainTextAsync("配布対象です（名簿の3行目）");
        var members = page.GetByRole(AriaRole.Table, new() { Name = "世帯員" });
        await Assertions.Expect(members.GetByRole(AriaRole.Row)).ToHaveCountAsync(4);
        await Assertions.Expect(members).ToContainTextAsync("青葉 二葉");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "辞退届を受け付ける" })).ToBeVisibleAsync();
        Assert.Empty(await ChatsConsoleBrowserTests.AxeAsync(page, "roster look-up result"));
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("roster-lookup.png"), FullPage = true });
    }
}
