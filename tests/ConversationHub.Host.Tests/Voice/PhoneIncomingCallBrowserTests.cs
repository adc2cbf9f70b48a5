using System.Globalization;
using System.Net;
using System.Text.Json;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Cases;
using ConversationHub.Host.Tests.EndToEnd;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using ConversationHub.VoiceBridge.Simulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ConversationHub.Host.Tests.Voice;

/// <summary>
/// Callbacks (架電, issue 16) ringing on the phone simulator page (/console/phone) in Debian's Chromium: the operator has
/// the citizen's number as the page's caller number and dials the case back through the cases API; the page shows the
/// incoming panel (announced, focus on 応答). 応答 → the callback's greeting in the call log, the stand-in's transfer to
/// the operator's phone, and the page's state showing it. 話し中にする → the case records busy and a re-dial reservation;
/// a call nobody answers closes the panel with 「着信は終了しました」. axe-core checks the page with the panel open, at
/// 1366×768 and at a phone's width.
/// </summary>
public sealed class PhoneIncomingCallBrowserTests
{
    private const string OperatorPhone = "8:acs:wakabadai-demo_operator";

    [Fact]
    public async Task IncomingCallback_Answered_HearsTheGreetingAndIsTransferredToTheOperator()
    {
        // Arrange
        var ct = TestTimeout.Token(240);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, cancellationToken: ct);
        var (domestic, e164) = NewNumber();
        using var api = await host.SignInAsync("operator", ct);
        var id = (await api.CreateCaseAsync(new { subject = "折り返し希望", contactName = "架電 花子", contactPhone = domestic }, ct)).GetProperty("id").GetGuid();
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var (page, scriptErrors) = await OpenPhoneAsync(browser, host, e164, 1366, 768);

        // Act: the operator dials the case back; the page rings.
        await api.PostJsonAsync($"/api/cases/{id}/callback", new { }, HttpStatusCode.OK, ct);
        var panel = page.GetByRole(AriaRole.Region, new() { Name = "着信：若葉台市 +81501234567" });
        await Assertions.Expect(panel).ToBeVisibleAsync(new() { Timeout = 20_000 });
        var answer = panel.GetByRole(AriaRole.Button, new() { Name = "応答", Exact = true });
        await Assertions.Expect(answer).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#ph-incoming-live")).ToHaveTextAsync("着信：若葉台市 +81501234567");
        await Assertions.Expect(panel).ToContainTextAsync("市の回線「代表（デモ）」からのお電話です。");
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("phone-incoming.png") });
        await page.Keyboard.PressAsync("Enter");

        // Assert: the greeting in the log, then the transfer to the operator's phone, on the stand-in and on the page.
        var log = page.GetByRole(AriaRole.Log, new() { Name = "通話の記録" });
        await Assertions.Expect(log.Locator(".ph-ivr").First).ToContainTextAsync("担当者におつなぎします", new() { Timeout = 30_000 });
        await Assertions.Expect(log.Locator(".ph-system").First).ToContainTextAsync("着信に応答しました。");
        await Assertions.Expect(panel).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#ph-state")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^オペレーターへ転送"), new() { Timeout = 30_000 });
        var acs = host.Services.GetRequiredService<AcsStandIn>();
        var transfer = await Eventually.UntilAsync(() => acs.Operations.FirstOrDefault(o => o.Name == "transferToParticipant" && o.Body.Contains(OperatorPhone, StringComparison.Ordinal)),
            "the transfer to the operator's phone", ct);
        Assert.NotNull(transfer);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "発信", Exact = true })).ToBeEnabledAsync();
        Assert.True(scriptErrors.Count == 0, "script errors:\n" + string.Join("\n", scriptErrors));
    }

    [Fact]
    public async Task IncomingCallback_DeclinedAsBusy_RedialReservedThenAnUnansweredCallEnds()
    {
        // Arrange: the stand-in gives up on an unanswered call after 10 seconds.
        var ct = TestTimeout.Token(240);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite,
            new Dictionary<string, string?>(StringComparer.Ordinal) { ["Voice:Simulator:OutboundRingTimeout"] = "00:00:10" }, ct);
        var (domestic, e164) = NewNumber();
        using var api = await host.SignInAsync("operator", ct);
        var id = (await api.CreateCaseAsync(new { subject = "折り返し希望", contactPhone = domestic }, ct)).GetProperty("id").GetGuid();
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var (page, scriptErrors) = await OpenPhoneAsync(browser, host, e164, 1366, 768);
        var panel = page.Locator("#ph-incoming");

        // Act 1: it rings; axe with the panel open, wide and narrow; 話し中にする.
        await api.PostJsonAsync($"/api/cases/{id}/callback", new { }, HttpStatusCode.OK, ct);
        await Assertions.Expect(panel).ToBeVisibleAsync(new() { Timeout = 20_000 });
        var violations = await AxeAsync(page, "incoming 1366");
        var wide = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        await page.SetViewportSizeAsync(375, 740);
        var narrow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var buttonSize = await page.EvaluateAsync<double[]>("() => { const r = document.querySelector('#ph-busy').getBoundingClientRect(); return [r.width, r.height]; }");
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("phone-incoming-narrow.png"), FullPage = true });
        violations.AddRange(await AxeAsync(page, "incoming 375"));
        await page.SetViewportSizeAsync(1366, 768);
        await page.GetByRole(AriaRole.Button, new() { Name = "話し中にする" }).ClickAsync();

        // Assert 1: the panel goes, the case records busy and reserves a re-dial.
        await Assertions.Expect(panel).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#ph-incoming-note")).ToHaveTextAsync("話し中として応答しませんでした。");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "発信", Exact = true })).ToBeFocusedAsync();
        var view = await UntilActionAsync(api, id, "callback_busy", ct);
        Assert.False(view.GetProperty("callback").GetProperty("dialing").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, view.GetProperty("callback").GetProperty("redialDueUtc").ValueKind);

        // Act 2: dialled again, nobody answers.
        await api.PostJsonAsync($"/api/cases/{id}/callback", new { }, HttpStatusCode.OK, ct);
        await Assertions.Expect(panel).ToBeVisibleAsync(new() { Timeout = 20_000 });

        // Assert 2: when the stand-in gives up, the panel closes with the note; the case records no answer.
        await Assertions.Expect(panel).ToBeHiddenAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#ph-incoming-note")).ToHaveTextAsync("着信は終了しました");
        await Assertions.Expect(page.Locator("#ph-incoming-live")).ToHaveTextAsync("着信は終了しました");
        await UntilActionAsync(api, id, "callback_no_answer", ct);
        Assert.True(wide <= 1366, $"page is {wide}px wide at 1366");
        Assert.True(narrow <= 375, $"page is {narrow}px wide at 375");
        Assert.True(buttonSize[0] >= 44 && buttonSize[1] >= 44, $"話し中にする is {buttonSize[0]}×{buttonSize[1]}px");
        Assert.True(violations.Count == 0, "axe violations:\n" + string.Join("\n", violations));
        Assert.True(scriptErrors.Count == 0, "script errors:\n" + string.Join("\n", scriptErrors));
    }

    // Signs the operator in and opens the phone page with `caller` as the page's caller number (発信者の番号).
    private static async Task<(IPage Page, List<string> ScriptErrors)> OpenPhoneAsync(IBrowser browser, HubHost host, string caller, int width, int height)
    {
        var baseUrl = host.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "ja-JP", TimezoneId = "Asia/Tokyo" });
        var page = await context.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await StaffSignIn.SignInAsync(page, baseUrl, "operator", "/console/phone");
        var callerField = page.GetByLabel("発信者の番号（シミュレーター上の番号）");
        await Assertions.Expect(callerField).Not.ToHaveValueAsync("");
        await callerField.FillAsync(caller);
        await callerField.BlurAsync();
        return (page, scriptErrors);
    }

    private static async Task<JsonElement> UntilActionAsync(HttpClient client, Guid id, string action, CancellationToken ct)
    {
        while (true)
        {
            var view = await client.GetJsonAsync($"/api/cases/{id}", HttpStatusCode.OK, ct);
            if (view.GetProperty("history").EnumerateArray().Any(h => h.GetProperty("action").GetString() == action))
            {
                return view;
            }

            await Task.Delay(100, ct);
        }
    }

    // A mobile number of its own per test, so each test's page sees only its own callback.
    private static (string Domestic, string E164) NewNumber()
    {
        var digits = Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        return ($"090-{digits[..4]}-{digits[4..]}", "+8190" + digits);
    }

    private static async Task<List<string>> AxeAsync(IPage page, string where)
    {
        var path = Path.Combine(Checkout.TryFindRoot() ?? ".", "tests", "js", "node_modules", "axe-core", "axe.min.js");
        Assert.True(File.Exists(path), $"{path} is missing: run `cd tests/js && npm ci`.");
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = path });
        var found = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations" +
            ".flatMap(v => v.nodes.map(n => `${v.id} (${v.impact}) ${n.target.join(' ')} :: ${n.html.slice(0, 160)}`))");
        return [.. found.EnumerateArray().Select(v => where + ": " + v.GetString())];
    }
}
