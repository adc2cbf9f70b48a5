using ConversationHub.Host.Tests.DirectLine;
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

    /// <summary>
    /// A citizen on web chat asks 「住民票はどこで取れますか」, says いいえ and asks for a person; the signed-in, available
    /// agent on <paramref name="page"/> takes the offer (応答) and waits until the chat's transcript has loaded, as a
    /// person would before acting on it.
    /// </summary>
    public static async Task AcceptCitizenAskingForPersonAsync(IPage page, DirectLineTestClient citizen, CancellationToken ct)
    {
        await citizen.StartAsync(ct);
        await citizen.SayAsync("住民票はどこで取れますか", "c-1", ct);
        await citizen.PollUntilAsync(a => a.Any(x => DirectLineTestClient.TextOf(x) == "解決しましたか？"), ct);
        await citizen.SayAsync("いいえ", "c-2", ct);
        await citizen.PollUntilAsync(a => a.Any(x => DirectLineTestClient.TextOf(x).Length > 0 && x.ToString().Contains("オペレーターと話す", StringComparison.Ordinal)), ct);
        await citizen.SayAsync("オペレーターと話す", "c-3", ct);
        await page.GetByRole(AriaRole.Button, new() { Name = "応答", Exact = true }).First.ClickAsync(new() { Timeout = 30_000 });
        var transcript = page.GetByRole(AriaRole.List, new() { Name = "会話の記録" });
        await Assertions.Expect(transcript.Locator(".line.user").First).ToContainTextAsync("住民票はどこで取れますか");
    }
}
