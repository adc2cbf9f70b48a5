using ConversationHub.Core.Identity;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.EndToEnd;
using ConversationHub.Host.Tests.Handoff;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.Playwright;

namespace ConversationHub.Host.Tests.SignIn;

/// <summary>
/// Issue 18 in Debian's Chromium at 1366×768: an administrator without an authenticator signs in, is taken to the
/// enrolment, types the key the page shows into "the app" (this suite's RFC 6238 code), keeps the recovery codes and
/// reaches the page asked for; signing in again asks for the code. axe-core finds no violation on the three pages.
/// </summary>
public sealed class TwoFactorBrowserTests
{
    [Fact]
    public async Task Administrator_EnrolsAtFirstSignIn_ThenSignsInWithTheAppsCode()
    {
        // Arrange
        var ct = TestTimeout.Token(240);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, cancellationToken: ct);
        var (userName, _) = await SignInAccounts.CreateAsync(host, HubRoles.Administrator);
        var baseUrl = host.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var violations = new List<string>();

        // Act: the first sign-in ends on the enrolment page.
        var page = await StaffSignIn.NewConsolePageAsync(browser);
        await StaffSignIn.SubmitPasswordAsync(page, baseUrl, userName, "/console/admin/audit");
        await page.WaitForURLAsync("**/account/two-factor?returnUrl=*", new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "認証アプリに登録するためのQRコード" })).ToBeVisibleAsync();
        violations.AddRange(await ChatsConsoleBrowserTests.AxeAsync(page, "enrolment"));
        var key = (await page.Locator("#authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await page.GetByLabel("2. 認証アプリに表示された6桁の確認コードを入力してください。").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "登録する" }).ClickAsync();
        await Assertions.Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        violations.AddRange(await ChatsConsoleBrowserTests.AxeAsync(page, "recovery codes"));
        await page.GetByRole(AriaRole.Link, new() { Name = "続ける" }).ClickAsync();
        await page.WaitForURLAsync("**/console/admin/audit", new() { WaitUntil = WaitUntilState.Commit });

        // Act: a second sign-in, in a fresh browser, asks for the app's code.
        var again = await StaffSignIn.NewConsolePageAsync(browser);
        await StaffSignIn.SubmitPasswordAsync(again, baseUrl, userName, "/console");
        await again.WaitForURLAsync("**/account/verify?*", new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
        violations.AddRange(await ChatsConsoleBrowserTests.AxeAsync(again, "second step"));
        await again.GetByLabel("確認コード").FillAsync(Totp.Code(key));
        await again.GetByRole(AriaRole.Button, new() { Name = "確認" }).ClickAsync();
        await again.WaitForURLAsync("**/console", new() { WaitUntil = WaitUntilState.Commit });

        // Assert
        Assert.Empty(violations);
    }
}
