using System.Text.RegularExpressions;
using ConversationHub.Core.Identity;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Host.Tests.Handoff;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ConversationHub.Host.Tests.EndToEnd;

/// <summary>
/// The acceptance scenario, all three people as pages in one Chromium (separate contexts, so separate cookies):
/// a citizen on a phone in the official Web Chat the FAQ site loads (the official botframework-directlinejs) asks a
/// question, then for an operator; the operator signed in to the console gets the offer, accepts, and they write both
/// ways; the operator transfers to the supervisor (二次対応) with a note; the supervisor writes and closes with a
/// wrap-up code; the citizen agrees to the survey and answers its five-level satisfaction item. Screenshots of each step are kept.
/// </summary>
public sealed partial class HandoffEndToEndBrowserTests
{
    private const int Wait = 30_000;

    [Fact]
    public async Task CitizenInWebChat_OperatorAcceptsThenTransfersToSupervisorWhoCloses_SatisfactionRecorded()
    {
        // Arrange: the contact center open whatever the date; offers wait long enough for a slow machine.
        var ct = TestTimeout.Token(240);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, HandoffSettings.OpenAllDay(new Dictionary<string, string?> { ["Handoff:OfferTimeout"] = "00:01:30" }), ct);
        var baseUrl = host.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var scriptErrors = new List<string>();
        var citizen = await NewPageAsync(browser, new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "ja-JP", HasTouch = true }, "citizen", scriptErrors);
        var desk = new BrowserNewContextOptions { ViewportSize = new() { Width = 1366, Height = 768 }, Locale = "ja-JP", TimezoneId = "Asia/Tokyo" };
        var operatorPage = await NewPageAsync(browser, desk, "operator", scriptErrors);
        var supervisorPage = await NewPageAsync(browser, desk, "supervisor", scriptErrors);
        var chat = citizen.Locator("#hub-chat-panel");

        // Act: the operator signs in and takes 受付可.
        await ChatsConsolePage.SignInAvailableAsync(operatorPage, baseUrl, "operator", Wait);

        // The citizen opens the chat on the FAQ site and asks a question; the bot answers.
        await citizen.GotoAsync(baseUrl + "/");
        await citizen.ClickAsync("#hub-chat-open");
        await SayAsync(citizen, "住民票の写しを取りたい");
        await Seen(chat.GetByText("解決しましたか", new() { Exact = false }).First);
        await ShotAsync(citizen, "01-citizen-answer");

        // The citizen asks for a person: queued first.
        await SayAsync(citizen, "オペレーターと話す");
        await Seen(chat.GetByText("オペレーターにおつなぎします", new() { Exact = false }).First);
        await Assertions.Expect(citizen.Locator("#hub-chat-handoff-text")).ToHaveTextAsync(QueuedFirst(), new() { Timeout = Wait });
        await ShotAsync(citizen, "02-citizen-queued");

        // The operator gets the offer and answers it; the citizen's earlier question is in the transcript.
        var offer = operatorPage.Locator(".offer");
        await Seen(offer);
        await Assertions.Expect(operatorPage.Locator("#queue .queue-item.offered")).ToContainTextAsync("住民票の写しを取りたい", new() { Timeout = Wait });
        await ShotAsync(operatorPage, "03-operator-offer");
        await offer.GetByRole(AriaRole.Button, new() { Name = "応答", Exact = true }).ClickAsync();
        var transcript = operatorPage.GetByRole(AriaRole.List, new() { Name = "会話の記録" });
        await Assertions.Expect(transcript.Locator(".line.user").First).ToContainTextAsync("住民票の写しを取りたい", new() { Timeout = Wait });
        await Assertions.Expect(citizen.Locator("#hub-chat-handoff-text")).ToHaveTextAsync("オペレーターが対応中です", new() { Timeout = Wait });
        await Seen(chat.GetByText("オペレーターがお話をうかがいます", new() { Exact = false }).First);
        await ShotAsync(operatorPage, "04-operator-accepted");

        // Operator → citizen (Enter sends), then citizen → operator.
        var operatorMessage = operatorPage.GetByRole(AriaRole.Textbox, new() { Name = "メッセージ", Exact = true });
        await operatorMessage.FillAsync("担当のオペレーターです。住民票の写しは何通必要ですか。");
        await operatorMessage.PressAsync("Enter");
        await Assertions.Expect(operatorMessage).ToHaveValueAsync("");
        await Seen(chat.GetByText("担当のオペレーターです。住民票の写しは何通必要ですか。").First);
        await ShotAsync(citizen, "05-citizen-operator-message");
        // The citizen's typing in Web Chat shows as 「入力中…」 in the operator's console.
        var citizenInput = citizen.Locator("#hub-chat-panel input[type=text], #hub-chat-panel textarea").First;
        await citizenInput.PressSequentiallyAsync("2通", new() { Delay = 150 });
        await Seen(operatorPage.GetByText("入力中…"));
        await citizenInput.FillAsync("");
        await SayAsync(citizen, "2通お願いします。マイナンバーは不要です。");
        await Assertions.Expect(transcript.Locator(".line.user").Last).ToContainTextAsync("2通お願いします。マイナンバーは不要です。", new() { Timeout = Wait });
        await ShotAsync(operatorPage, "06-operator-citizen-reply");

        // The supervisor signs in to the chats console and takes 受付可 (only now, so that routing offered the citizen
        // to the operator); the operator transfers to the supervisor (二次対応) with a note.
        await ChatsConsolePage.SignInAvailableAsync(supervisorPage, baseUrl, "supervisor", Wait);
        var transferDialog = await OpenTransferDialogListingAsync(operatorPage, "コールセンター 監督");
        await transferDialog.GetByLabel("スーパーバイザーへ（二次対応）").CheckAsync();
        await transferDialog.GetByLabel("引き継ぎメモ（任意）").FillAsync("写しの郵送について二次対応をお願いします");
        await ShotAsync(operatorPage, "07-operator-transfer-dialog");
        await transferDialog.GetByRole(AriaRole.Button, new() { Name = "転送する" }).ClickAsync();
        await Assertions.Expect(transferDialog).ToBeHiddenAsync(new() { Timeout = Wait });
        await Assertions.Expect(operatorPage.Locator("#notice")).ToHaveTextAsync("チャットを転送しました。", new() { Timeout = Wait });
        await Assertions.Expect(operatorPage.Locator("#mine .chat-tab")).ToHaveCountAsync(0, new() { Timeout = Wait });

        // The supervisor's console has the chat, its transcript and the handover note first.
        await Assertions.Expect(supervisorPage.Locator("#mine .chat-tab")).ToHaveCountAsync(1, new() { Timeout = Wait });
        await Assertions.Expect(supervisorPage.Locator("#notice")).ToContainTextAsync("チャットが引き継がれました", new() { Timeout = Wait });
        var supervisorTranscript = supervisorPage.GetByRole(AriaRole.List, new() { Name = "会話の記録" });
        await Assertions.Expect(supervisorTranscript.Locator(".line.user").Last).ToContainTextAsync("2通お願いします。マイナンバーは不要です。", new() { Timeout = Wait });
        await supervisorPage.GetByRole(AriaRole.Tab, new() { Name = "内部メモ" }).ClickAsync();
        await Assertions.Expect(supervisorPage.Locator("#notes .note").First).ToContainTextAsync("写しの郵送について二次対応をお願いします", new() { Timeout = Wait });
        await ShotAsync(supervisorPage, "08-supervisor-transferred");
        await Seen(chat.GetByText("担当のオペレーターが交代します", new() { Exact = false }).First);

        // Supervisor → citizen.
        var supervisorMessage = supervisorPage.GetByRole(AriaRole.Textbox, new() { Name = "メッセージ", Exact = true });
        await supervisorMessage.FillAsync("監督者です。郵送での請求方法をご案内します。");
        await supervisorPage.GetByRole(AriaRole.Button, new() { Name = "送信", Exact = true }).ClickAsync();
        await Assertions.Expect(supervisorMessage).ToHaveValueAsync("", new() { Timeout = Wait });
        await Seen(chat.GetByText("監督者です。郵送での請求方法をご案内します。").First);
        await ShotAsync(citizen, "09-citizen-supervisor-message");

        // The supervisor closes with 解決.
        await supervisorPage.GetByRole(AriaRole.Button, new() { Name = "終了", Exact = true }).ClickAsync();
        var closeDialog = supervisorPage.GetByRole(AriaRole.Dialog, new() { Name = "チャットを終了" });
        await Seen(closeDialog);
        await closeDialog.GetByLabel("解決", new() { Exact = true }).CheckAsync();
        await ShotAsync(supervisorPage, "10-supervisor-close-dialog");
        await closeDialog.GetByRole(AriaRole.Button, new() { Name = "終了する" }).ClickAsync();
        await Assertions.Expect(closeDialog).ToBeHiddenAsync(new() { Timeout = Wait });
        await Assertions.Expect(supervisorPage.Locator("#notice")).ToHaveTextAsync("チャットを終了しました。", new() { Timeout = Wait });
        await Assertions.Expect(supervisorPage.Locator("#mine .chat-tab")).ToHaveCountAsync(0, new() { Timeout = Wait });

        // The citizen agrees to the survey, skips the first four items and answers the five-level one 満足 (suggested actions).
        var suggestions = chat.Locator(".webchat__suggested-action, [class*=suggested-action] button");
        await Seen(chat.GetByText("アンケート（7問・2分ほど）にご協力いただけますか", new() { Exact = false }).First);
        await suggestions.Filter(new() { HasText = "はい" }).First.ClickAsync();
        foreach (var question in new[] { "年代を教えてください", "性別を教えてください", "何で知りましたか", "どのくらい利用していますか" })
        {
            await Seen(chat.GetByText(question, new() { Exact = false }).First);
            await suggestions.Filter(new() { HasText = "スキップ" }).First.ClickAsync();
        }

        await Seen(chat.GetByText("今回の対応はいかがでしたか", new() { Exact = false }).First);
        var satisfied = suggestions.Filter(new() { HasTextRegex = Satisfied() }).First;
        await Seen(satisfied);
        await Assertions.Expect(suggestions.Filter(new() { HasText = "とても不満" }).First).ToBeVisibleAsync();
        await ShotAsync(citizen, "11-citizen-survey");
        await satisfied.ClickAsync();
        await Seen(chat.GetByText("そう感じた理由をお聞かせください", new() { Exact = false }).First);
        await ShotAsync(citizen, "12-citizen-thanks");

        // Assert: the contact record, the audit trail, and no script errors on any page.
        await using var scope = host.Services.CreateAsyncScope();
        var supervisorId = (await scope.ServiceProvider.GetRequiredService<UserManager<HubUser>>().FindByNameAsync("supervisor"))!.Id;
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var record = await db.Requests.AsNoTracking().SingleAsync(ct);
        Assert.Equal<(int?, string?, Guid?)>((4, "resolved", supervisorId), (record.Satisfaction, record.WrapUpCode, record.AgentId));
        var actions = await db.Audit.AsNoTracking().Where(a => a.ConversationId == record.ConversationId).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(ct);
        Assert.Equal(["accept", "transfer_supervisor", "close"], actions);
        Assert.Empty(scriptErrors);
    }

    private static async Task<IPage> NewPageAsync(IBrowser browser, BrowserNewContextOptions options, string who, List<string> scriptErrors)
    {
        var page = await (await browser.NewContextAsync(options)).NewPageAsync();
        page.PageError += (_, error) => scriptErrors.Add(who + ": " + error);
        return page;
    }

    // The dialog lists the agents of the console's last snapshot, taken when it opens; the supervisor's 受付可 reaches
    // the operator's console a moment later (a debounced queueChanged), so the dialog is reopened until it is there.
    private static async Task<ILocator> OpenTransferDialogListingAsync(IPage page, string agentName)
    {
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "チャットを転送" });
        var agents = dialog.GetByLabel("担当者", new() { Exact = true });
        for (var attempt = 0; ; attempt++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "転送", Exact = true }).ClickAsync();
            await Seen(dialog);
            if ((await agents.TextContentAsync() ?? "").Contains(agentName, StringComparison.Ordinal) || attempt == 20)
            {
                await Assertions.Expect(agents).ToContainTextAsync(agentName);
                return dialog;
            }

            await dialog.GetByRole(AriaRole.Button, new() { Name = "キャンセル" }).ClickAsync();
            await Assertions.Expect(dialog).ToBeHiddenAsync();
            await page.WaitForTimeoutAsync(500);
        }
    }

    // Types and sends like a citizen. Web Chat takes the send box's Enter only once its connection is up, so a box
    // that still holds the text a moment later is sent again.
    private static async Task SayAsync(IPage page, string text)
    {
        var input = page.Locator("#hub-chat-panel input[type=text], #hub-chat-panel textarea").First;
        await input.WaitForAsync(new() { Timeout = Wait });
        await input.FillAsync(text);
        for (var attempt = 0; attempt < 10 && await input.InputValueAsync() == text; attempt++)
        {
            await input.PressAsync("Enter");
            await page.WaitForTimeoutAsync(500);
        }

        await Assertions.Expect(input).ToHaveValueAsync("");
    }

    private static Task Seen(ILocator locator) => Assertions.Expect(locator).ToBeVisibleAsync(new() { Timeout = Wait });

    // Web Chat scrolls to a new message smoothly: the picture is taken once it has settled.
    private static async Task ShotAsync(IPage page, string step)
    {
        await page.WaitForTimeoutAsync(1000);
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath($"handoff-e2e-{step}.png") });
    }

    [GeneratedRegex("^オペレーター待ち：1番目（目安 約[0-9]+分）$")]
    private static partial Regex QueuedFirst();

    [GeneratedRegex("^\\s*満足\\s*$")]
    private static partial Regex Satisfied();
}
