using System.Text.Json;
using System.Text.Json.Nodes;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.EndToEnd;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Host.Tests.Voice;
using ConversationHub.Testing;
using ConversationHub.VoiceBridge.Persistence;
using ConversationHub.VoiceBridge.Simulator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static ConversationHub.Host.Tests.Voice.CallerScript;

namespace ConversationHub.Host.Tests.Handoff;

/// <summary>
/// A phone call in the agents' chats console at 1366×768 (issue 16): the offer says it is a call and that 応答 connects
/// the agent's phone; 応答 opens the call's case in a new tab (受電 → 案件) and adds the operator's phone to the call;
/// the call's panel shows the phone notice instead of a composer, the case's number, and 本市内線電話に転送, which
/// moves the call on to 市民課 and writes the note on the case. axe-core checks the console with the call open.
/// </summary>
public sealed class ChatsConsoleCallBrowserTests
{
    private const string AgentPhone = "8:acs:wakabadai-demo_operator";
    private const string ShiminNumber = "+815012302110";
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [Fact]
    public async Task Operator_AcceptsCall_CaseTabOpensPhoneJoins_TransfersToDepartmentWithNote()
    {
        // Arrange: open all day, short hold pauses; the operator (who has a phone) is 受付可 in the browser.
        var ct = TestTimeout.Token(300);
        var settings = HandoffSettings.OpenAllDay(new Dictionary<string, string?> { ["Voice:HoldPause"] = "00:00:01", ["Handoff:OfferTimeout"] = "00:01:30" });
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, settings, ct);
        var phone = host.Services.GetRequiredService<SimulatedPhone>();
        var acs = host.Services.GetRequiredService<AcsStandIn>();
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 }, Locale = "ja-JP", TimezoneId = "Asia/Tokyo" });
        var page = await context.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        var baseUrl = host.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        await ChatsConsolePage.SignInAvailableAsync(page, baseUrl, "operator");

        // A caller asks for the operator (2 on the menu) and waits in the queue.
        var call = phone.PlaceCall(Caller, City)!;
        await HearUntilAsync(phone, call, h => h.Heard("オペレーターにおつなぎする場合は2を"), ct);
        Assert.True(phone.PressKeys(call, "2"));

        // The offer says it is a call, and that 応答 connects the agent's phone.
        var offer = page.Locator(".offer");
        await Assertions.Expect(offer.Locator(".tag.call")).ToHaveTextAsync("電話", new() { Timeout = 60_000 });
        await Assertions.Expect(offer).ToContainTextAsync("応答すると、あなたの電話がこの通話につながります。");
        await Assertions.Expect(page.Locator("#queue .queue-item.offered .tag.call")).ToHaveTextAsync("電話");
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("chats-call-offer.png") });

        // Act: 応答 — the case opens in a new tab beside the call.
        var popup = page.WaitForPopupAsync(new() { Timeout = 30_000 });
        await offer.GetByRole(AriaRole.Button, new() { Name = "応答", Exact = true }).ClickAsync();
        var tab = await popup;
        await tab.WaitForURLAsync("**/console/cases/*", new() { Timeout = 30_000 });
        var caseId = Guid.Parse(tab.Url.Split('/')[^1]);
        var number = (await tab.Locator(".case-number").InnerTextAsync()).Trim();
        Assert.Matches("^C-\\d{4}-\\d{6}$", number);
        await Assertions.Expect(tab.Locator(".case-meta")).ToContainTextAsync("電話");

        // The operator's phone is added to the call.
        var add = await Eventually.UntilAsync(() => acs.Operations.FirstOrDefault(o => o.Name == "addParticipant" && o.CallConnectionId == call.CallConnectionId), "the agent's phone invited", ct);
        Assert.Equal(AgentPhone, JsonNode.Parse(add!.Body)!["participantToAdd"]!["communicationUser"]!["id"]!.GetValue<string>());

        // The call's panel: the phone notice instead of a composer, the bot's transcript read-only, the case's number.
        var panel = page.GetByRole(AriaRole.Region, new() { Name = "通話" });
        await Assertions.Expect(panel).ToContainTextAsync("この問い合わせは電話です。お客様とは電話でお話しください。", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#composer")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "会話の記録" }).Locator(".line.bot").First).ToBeVisibleAsync();
        var caseLink = page.Locator("#chat-meta a.case-link");
        await Assertions.Expect(caseLink).ToHaveTextAsync("案件 " + number);
        Assert.EndsWith("/console/cases/" + caseId, await caseLink.GetAttributeAsync("href"), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#call-case")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "案件化", Exact = true })).ToBeDisabledAsync();

        // 本市内線電話に転送: the departments with their extensions.
        var transfer = panel.GetByRole(AriaRole.Group, new() { Name = "本市内線電話に転送" });
        var department = transfer.GetByLabel("転送先の部署");
        await Assertions.Expect(department).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(department.Locator("option", new() { HasText = "市民課（内線2110）" })).ToHaveCountAsync(1);

        // The page at 1366×768 with the call open: no window scrolling, the panel inside the window, no serious axe findings.
        var fit = await page.EvaluateAsync<int[]>(
            "() => [document.documentElement.scrollWidth, Math.ceil(document.getElementById('call-panel').getBoundingClientRect().bottom)," +
            " document.querySelector('.chats').scrollHeight - document.querySelector('.chats').clientHeight]");
        var violations = await ChatsConsoleBrowserTests.AxeAsync(page, "call");
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("chats-call-open.png") });

        // Picking nothing is refused in words; then 市民課 with a note.
        await transfer.GetByRole(AriaRole.Button, new() { Name = "内線に転送", Exact = true }).ClickAsync();
        await Assertions.Expect(panel.GetByRole(AriaRole.Alert)).ToHaveTextAsync("転送先の部署を選んでください。");
        await department.SelectOptionAsync(new SelectOptionValue { Label = "市民課（内線2110）" });
        await transfer.GetByLabel("案件へのメモ（任意）").FillAsync("転入届の必要書類について");
        await transfer.GetByRole(AriaRole.Button, new() { Name = "内線に転送", Exact = true }).ClickAsync();

        // Assert: the console says where the call went; 市民課 joined and the operator's phone left.
        await Assertions.Expect(panel.GetByRole(AriaRole.Status)).ToContainTextAsync("市民課（内線2110）へ転送しました。", new() { Timeout = 30_000 });
        await Assertions.Expect(transfer.GetByRole(AriaRole.Button, new() { Name = "内線に転送", Exact = true })).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("#extension-error")).ToBeEmptyAsync();
        await Eventually.UntilAsync(() => acs.Operations.FirstOrDefault(o => o.Name == "removeParticipant" && o.CallConnectionId == call.CallConnectionId), "the agent leaves", ct);
        lock (call.Gate)
        {
            Assert.Contains(call.Joined, j => (string?)j["phoneNumber"]?["value"] == ShiminNumber);
            Assert.DoesNotContain(call.Joined, j => (string?)j["communicationUser"]?["id"] == AgentPhone);
        }

        violations.AddRange(await ChatsConsoleBrowserTests.AxeAsync(page, "call-transferred"));
        await File.WriteAllTextAsync(Browser.ArtifactPath("../a11y-chats-call.json"), JsonSerializer.Serialize(violations, Indented), ct);
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("chats-call-transferred.png") });

        // The case's timeline holds the transfer note with the operator's words.
        await tab.ReloadAsync();
        var note = tab.Locator(".timeline .entry", new() { HasText = "市民課（内線2110）へ転送しました。" });
        await Assertions.Expect(note).ToContainTextAsync("転入届の必要書類について");

        // The operator closes the call's chat with a wrap-up code as usual.
        await page.GetByRole(AriaRole.Button, new() { Name = "終了", Exact = true }).ClickAsync();
        var closeDialog = page.GetByRole(AriaRole.Dialog, new() { Name = "チャットを終了" });
        await closeDialog.GetByLabel("解決", new() { Exact = true }).CheckAsync();
        await closeDialog.GetByRole(AriaRole.Button, new() { Name = "終了する" }).ClickAsync();
        await Assertions.Expect(page.Locator("#mine .chat-tab")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#call-panel")).ToBeHiddenAsync();

        Assert.True(fit[0] <= 1366 && fit[1] <= 768 && fit[2] <= 0, $"the console does not fit 1366×768: width {fit[0]}, call panel ends at {fit[1]}, overflow {fit[2]}");
        Assert.True(violations.Count == 0, "serious or critical axe violations:\n" + string.Join("\n", violations));
        Assert.Empty(scriptErrors);
        await using var scope = host.Services.CreateAsyncScope();
        var record = await scope.ServiceProvider.GetRequiredService<VoiceDbContext>().Calls.AsNoTracking().SingleAsync(ct);
        Assert.NotNull(record.AgentJoinedAtUtc);
    }

    [Fact]
    public async Task Operator_AcceptsCall_PopupBlocked_LinkToCaseShownInCallPanel()
    {
        // Arrange: the browser refuses new tabs (window.open answers null, as under a pop-up blocker).
        var ct = TestTimeout.Token(240);
        var settings = HandoffSettings.OpenAllDay(new Dictionary<string, string?> { ["Voice:HoldPause"] = "00:00:01", ["Handoff:OfferTimeout"] = "00:01:30" });
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, settings, ct);
        var phone = host.Services.GetRequiredService<SimulatedPhone>();
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 }, Locale = "ja-JP", TimezoneId = "Asia/Tokyo" });
        await context.AddInitScriptAsync("window.open = () => null;");
        var page = await context.NewPageAsync();
        var baseUrl = host.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        await ChatsConsolePage.SignInAvailableAsync(page, baseUrl, "operator");
        var call = phone.PlaceCall(Caller, City)!;
        await HearUntilAsync(phone, call, h => h.Heard("オペレーターにおつなぎする場合は2を"), ct);
        Assert.True(phone.PressKeys(call, "2"));
        var offer = page.Locator(".offer");
        await Assertions.Expect(offer.Locator(".tag.call")).ToHaveTextAsync("電話", new() { Timeout = 60_000 });

        // Act
        await offer.GetByRole(AriaRole.Button, new() { Name = "応答", Exact = true }).ClickAsync();

        // Assert: the call's panel offers the case as a link, 「案件 C-… を開く」, which opens the case.
        var open = page.Locator("#call-case a.case-open");
        await Assertions.Expect(open).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^案件 C-\\d{4}-\\d{6} を開く$"), new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#call-case")).ToContainTextAsync("ポップアップがブロックされました");
        var href = await open.GetAttributeAsync("href");
        await page.GotoAsync(baseUrl + href);
        await Assertions.Expect(page.Locator(".case-number")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^C-"));
        Assert.Equal(0, context.Pages.Count - 1);
    }
}
