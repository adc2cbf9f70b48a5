using ConversationHub.Host.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ConversationHub.Host.Tests.Handoff;

/// <summary>The chats console as a staff member reaches it in the browser: the sign-in form, then the live page.</summary>
internal static class ChatsConsolePage
{
    /// <summary>Signs in through the form and waits until the console's hub connection is up.</summary>
    public static async Task SignInAsync(IPage page, string baseUrl, string userName, float? timeout = null)
    {
        await page.GotoAsync(baseUrl + "/account/login?returnUrl=%2Fconsole%2Fchats");
        await page.GetByLabel("職員ID").FillAsync(userName);
        await page.GetByLabel("パスワード").FillAsync(HubHost.DemoPassword);
        await page.GetByLabel("パスワード").PressAsync("Enter");
        // The address is enough here (the load event can lag on a busy machine); the hub's state below is what counts.
        await page.WaitForURLAsync("**/console/chats", new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = timeout });
    }

    /// <summary>Signs in and takes 受付可.</summary>
    public static async Task SignInAvailableAsync(IPage page, string baseUrl, string userName, float? timeout = null)
    {
        await SignInAsync(page, baseUrl, userName, timeout);
        var available = page.GetByRole(AriaRole.Button, new() { Name = "受付可", Exact = true });
        await available.ClickAsync();
        await Assertions.Expect(available).ToHaveAttributeAsync("aria-pressed", "true", new() { Timeout = timeout });
        await Assertions.Expect(page.Locator("#presence-now")).ToContainTextAsync("受付可", new() { Timeout = timeout });
    }
}
