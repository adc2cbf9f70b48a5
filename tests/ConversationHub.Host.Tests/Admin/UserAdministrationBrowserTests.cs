using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.EndToEnd;
using ConversationHub.Host.Tests.Handoff;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.Playwright;

namespace ConversationHub.Host.Tests.Admin;

/// <summary>
/// ユーザー管理 in Debian's Chromium at 1366×768: the administrator filters the list, adds an account whose first try is
/// refused (the error summary takes focus and links to the field), then disables it. axe-core finds no serious or
/// critical violation on the list, the refused form and the edit page, and no page scrolls sideways.
/// </summary>
public sealed class UserAdministrationBrowserTests
{
    [Fact]
    public async Task Administrator_FiltersAddsAndDisables_AccessibleAt1366x768()
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

        await StaffSignIn.SignInAsync(page, baseUrl, "admin", "/console/admin/users");

        // Act: filter by role; add an approver without a department (refused), then with one; disable it.
        await page.GetByLabel("役割").SelectOptionAsync(new SelectOptionValue { Label = "承認者" });
        await page.GetByRole(AriaRole.Button, new() { Name = "絞り込む" }).ClickAsync();
        await page.WaitForURLAsync("**role=Approver**", new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.Locator("#users-table tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#users-table")).ToContainTextAsync("approver");
        await CheckAsync("list");
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("admin-users-list.png") });

        await page.GetByRole(AriaRole.Link, new() { Name = "ユーザーを追加" }).ClickAsync();
        await page.GetByLabel("職員ID").FillAsync("approver-02");
        await page.GetByLabel("表示名").FillAsync("承認 二郎");
        await page.GetByLabel("承認者").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "作成" }).ClickAsync();
        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary).ToContainTextAsync("所管課職員と承認者には所属を選んでください。");
        await Assertions.Expect(page.GetByLabel("所属")).ToHaveAttributeAsync("aria-invalid", "true");
        await CheckAsync("refused");
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("admin-users-refused.png") });

        await page.GetByLabel("所属").SelectOptionAsync(new SelectOptionValue { Label = "100100 市民課" });
        await page.GetByRole(AriaRole.Button, new() { Name = "作成" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ユーザーの編集：approver-02" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#generated-password")).ToContainTextAsync("初期パスワード：");
        await CheckAsync("edit");
        await page.GetByRole(AriaRole.Button, new() { Name = "無効にする" }).ClickAsync();
        await Assertions.Expect(page.Locator("#state-now")).ToHaveTextAsync("現在の状態：無効");
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("admin-users-disabled.png") });

        // Assert
        Assert.True(violations.Count == 0, "serious or critical axe violations:\n" + string.Join("\n", violations));
        Assert.True(widths.Count == 0, "pages wider than 1366px: " + string.Join(", ", widths));
        Assert.Empty(scriptErrors);
    }
}
