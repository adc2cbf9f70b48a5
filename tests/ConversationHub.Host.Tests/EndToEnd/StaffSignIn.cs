using ConversationHub.Host.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ConversationHub.Host.Tests.EndToEnd;

/// <summary>The staff sign-in form as a person fills it, landing on the console page asked for.</summary>
public static class StaffSignIn
{
    /// <summary>
    /// Signs <paramref name="userName"/> in with the demo password (and, for the demo admin, its authenticator code) and
    /// waits until <paramref name="path"/> is the address.
    /// </summary>
    public static async Task SignInAsync(IPage page, string baseUrl, string userName, string path)
    {
        await SubmitPasswordAsync(page, baseUrl, userName, path);
        // Administrators sign in with two factors; the demo admin's authenticator key is known to the tests.
        await page.WaitForURLAsync(url => url.Contains(path, StringComparison.Ordinal) || url.Contains("/account/verify", StringComparison.Ordinal),
            new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
        if (page.Url.Contains("/account/verify", StringComparison.Ordinal))
        {
            await page.GetByLabel("確認コード").FillAsync(Totp.Code(HubHost.AdminAuthenticatorKey));
            await page.GetByLabel("確認コード").PressAsync("Enter");
        }

        // The address is enough (the load event can lag on a busy machine); callers wait for what they need next.
        await page.WaitForURLAsync("**" + path, new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
    }

    /// <summary>The password step alone: opens the sign-in page for <paramref name="returnUrl"/> and submits the demo password.</summary>
    public static async Task SubmitPasswordAsync(IPage page, string baseUrl, string userName, string returnUrl)
    {
        await page.GotoAsync(baseUrl + "/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.GetByLabel("職員ID").FillAsync(userName);
        await page.GetByLabel("パスワード").FillAsync(HubHost.DemoPassword);
        await page.GetByLabel("パスワード").PressAsync("Enter");
    }

    /// <summary>
    /// A staff page at the console's supported size (1366×768), in Japanese and Japan time.
    /// </summary>
    public static async Task<IPage> NewConsolePageAsync(IBrowser browser)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            Locale = "ja-JP",
            TimezoneId = "Asia/Tokyo",
        });
        return await context.NewPageAsync();
    }
}
