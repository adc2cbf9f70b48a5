using System.Text.Json;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.EndToEnd;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.Playwright;

namespace ConversationHub.Host.Tests.Voice;

/// <summary>
/// The phone lines page in Debian's Chromium at 1366×768: the PhoneSwitch account (防災 山田) turns the demo line's emergency
/// forward on in one confirmed step (a bad target first, refused with the Japanese message), the page and its audit list
/// show it, and the operator's chats console and the supervisor page carry the banner; turned off, the banner goes.
/// axe-core checks the page, its dialog and the chats console with the banner (no serious or critical violations).
/// </summary>
public sealed class PhoneLinesBrowserTests
{
    private const string AxeTags = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']";

    [Fact]
    public async Task PhoneSwitch_TurnsForwardOnWithConfirmation_BannerOnConsolePages_ThenOff()
    {
        // Arrange
        var ct = TestTimeout.Token(300);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, cancellationToken: ct);
        var baseUrl = host.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var scriptErrors = new List<string>();
        var violations = new List<string>();
        async Task<IPage> SignInAsync(string user, string path)
        {
            var page = await StaffSignIn.NewConsolePageAsync(browser);
            page.PageError += (_, error) => scriptErrors.Add(user + ": " + error);
            await StaffSignIn.SignInAsync(page, baseUrl, user, path);
            return page;
        }

        // The operator's chats console: no banner while nothing forwards.
        var op = await SignInAsync("operator", "/console/chats");
        await Assertions.Expect(op.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
        await Assertions.Expect(op.Locator("#hub-emergency")).ToBeHiddenAsync();

        // Act 1: the PhoneSwitch account opens the page from the console's menu.
        var bosai = await SignInAsync("bosai", "/console");
        await bosai.GetByRole(AriaRole.Link, new() { Name = "代表電話・回線の管理" }).ClickAsync();
        await bosai.WaitForURLAsync("**/console/admin/phone-lines");
        var row = bosai.Locator("#pl-lines tbody tr[data-number='+81501234567']");
        await Assertions.Expect(row).ToContainTextAsync("通常の受付");
        await Assertions.Expect(bosai.GetByRole(AriaRole.Button, new() { Name = "回線を追加" })).ToHaveCountAsync(0);
        await bosai.GetByRole(AriaRole.Button, new() { Name = "+81501234567 の転送を開始" }).ClickAsync();
        var dialog = bosai.GetByRole(AriaRole.Dialog, new() { Name = "代表電話の切替：転送を開始" });
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        violations.AddRange(await AxeAsync(bosai, "switch dialog"));

        // A domestic number is refused with the precise message, and nothing changes.
        await dialog.GetByLabel("転送先の電話番号").FillAsync("03-1234-5678");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "転送を開始する" }).ClickAsync();
        await Assertions.Expect(dialog.Locator("#pl-switch-error")).ToHaveTextAsync("転送先の電話番号は「+81」から始まる国際形式で入力してください（例：03-1234-5678 → +81312345678）。");
        await Assertions.Expect(row).ToContainTextAsync("通常の受付");

        // The right number, confirmed: forwarding.
        await dialog.GetByLabel("転送先の電話番号").FillAsync("+81312345678");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "転送を開始する" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(bosai.Locator("#pl-message")).ToHaveTextAsync("+81501234567 の着信を +81312345678 へ転送しています。");
        await Assertions.Expect(row).ToContainTextAsync("転送中：+81312345678");
        await Assertions.Expect(row).ToContainTextAsync("切替: 防災 山田");
        var log = bosai.Locator("#pl-log tbody tr").First;
        await Assertions.Expect(log).ToContainTextAsync("転送開始");
        await Assertions.Expect(log).ToContainTextAsync("+81312345678");
        await Assertions.Expect(log).ToContainTextAsync("防災 山田");
        var banner = bosai.Locator("#hub-emergency");
        await Assertions.Expect(banner).ToContainTextAsync("代表（デモ） +81501234567 は +81312345678 へ転送中");
        await bosai.ScreenshotAsync(new() { Path = Browser.ArtifactPath("phone-lines-forwarding.png"), FullPage = true });
        violations.AddRange(await AxeAsync(bosai, "phone lines"));

        // Assert: the chats console shows the banner (on its next look, forced here by a reload), and the supervisor page too.
        await op.ReloadAsync();
        var opBanner = op.Locator("#hub-emergency");
        await Assertions.Expect(opBanner).ToBeVisibleAsync();
        await Assertions.Expect(opBanner).ToContainTextAsync("代表電話 転送中");
        await Assertions.Expect(opBanner).ToContainTextAsync("+81501234567 は +81312345678 へ転送中");
        await Assertions.Expect(opBanner).ToContainTextAsync("切替: 防災 山田");
        await Assertions.Expect(op.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
        await op.ScreenshotAsync(new() { Path = Browser.ArtifactPath("phone-lines-chats-banner.png") });
        violations.AddRange(await AxeAsync(op, "chats with banner"));
        var width = await op.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 1366, $"chats console is {width}px wide with the banner");
        var supervisor = await SignInAsync("supervisor", "/console/supervisor");
        await Assertions.Expect(supervisor.Locator("#hub-emergency")).ToContainTextAsync("+81501234567 は +81312345678 へ転送中");

        // Act 2: turned off, confirmed: the banner goes.
        await bosai.GetByRole(AriaRole.Button, new() { Name = "+81501234567 の転送を終了" }).ClickAsync();
        var offDialog = bosai.GetByRole(AriaRole.Dialog, new() { Name = "代表電話の切替：転送を終了" });
        await offDialog.GetByRole(AriaRole.Button, new() { Name = "転送を終了する" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("通常の受付");
        await Assertions.Expect(bosai.Locator("#hub-emergency")).ToBeHiddenAsync();
        await op.ReloadAsync();
        await Assertions.Expect(op.Locator("#hub-emergency")).ToBeHiddenAsync();

        await File.WriteAllTextAsync(Browser.ArtifactPath("../a11y-phone-lines.json"), JsonSerializer.Serialize(violations), ct);
        Assert.True(violations.Count == 0, "serious or critical axe violations:\n" + string.Join("\n", violations));
        Assert.Empty(scriptErrors);
    }

    // Serious and critical WCAG 2.1 A/AA violations, one line per node.
    private static async Task<List<string>> AxeAsync(IPage page, string where)
    {
        var path = Path.Combine(Checkout.TryFindRoot() ?? ".", "tests", "js", "node_modules", "axe-core", "axe.min.js");
        Assert.True(File.Exists(path), $"{path} is missing: run `cd tests/js && npm ci`.");
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = path });
        var found = await page.EvaluateAsync<JsonElement>(
            $"async () => (await axe.run(document, {{ runOnly: {{ type: 'tag', values: {AxeTags} }} }})).violations" +
            ".filter(v => v.impact === 'serious' || v.impact === 'critical')" +
            ".flatMap(v => v.nodes.map(n => `${v.id} (${v.impact}) ${n.target.join(' ')} :: ${n.html.slice(0, 160)}`))");
        return [.. found.EnumerateArray().Select(v => where + ": " + v.GetString())];
    }
}
