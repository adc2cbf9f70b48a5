using System.Globalization;
using System.Text.Json;
using ConversationHub.Core.Persistence;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Ranking.Judgements;
using ConversationHub.Handoff.Chats;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Host.Tests.DirectLine;
using ConversationHub.Host.Tests.EndToEnd;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ConversationHub.Host.Tests.Handoff;

/// <summary>
/// An operator at 1366×768 in Debian's Chromium and a citizen over Direct Line, on one platform whose contact center is
/// open around the clock: 受付可 → the citizen asks for a person → the offer → 応答 → the bot's part of the
/// conversation is there → messages both ways (Enter sends, IME Enter does not) → 定型文 and an FAQ link (recorded for
/// the ranker) → 終了 with a wrap-up code → the citizen is asked to take the satisfaction survey. axe-core checks the page.
/// </summary>
public sealed class ChatsConsoleBrowserTests
{
    private const string AxeTags = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']";
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);

    [Fact]
    public async Task Operator_AcceptsOfferChatsAndCloses_CitizenGetsMessagesAndSurvey()
    {
        // Arrange: open all day today (and either side of midnight); offers wait long enough for a slow machine.
        var ct = TestTimeout.Token(300);
        await AvoidMidnightAsync(ct);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, OpenAllDay(), ct);
        await SeedCannedAsync(host, ct);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 }, Locale = "ja-JP", TimezoneId = "Asia/Tokyo" });
        var page = await context.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        var baseUrl = host.ClientOptions.BaseAddress.ToString().TrimEnd('/');

        // Act: the operator signs in, opens the console and becomes available.
        await ChatsConsolePage.SignInAvailableAsync(page, baseUrl, "operator");

        // The citizen asks the bot, says いいえ, then asks for a person (both clicks on the bot's choices).
        using var citizen = new DirectLineTestClient(host.CreateClient());
        await citizen.StartAsync(ct);
        await citizen.SayAsync("住民票はどこで取れますか", "c-1", ct);
        await citizen.PollUntilAsync(a => a.Any(x => DirectLineTestClient.TextOf(x) == "解決しましたか？"), ct);
        await citizen.SayAsync("いいえ", "c-2", ct);
        await citizen.PollUntilAsync(a => a.Any(x => Choices(x).Contains("オペレーターと話す")), ct);
        await citizen.SayAsync("オペレーターと話す", "c-3", ct);

        // The offer appears, highlighted, with 応答 and 辞退 and the seconds left.
        var offer = page.Locator(".offer");
        await Assertions.Expect(offer).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(offer.GetByRole(AriaRole.Button, new() { Name = "辞退", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(offer.Locator(".remaining")).ToContainTextAsync("残り");
        await Assertions.Expect(page.Locator("#queue .queue-item.offered")).ToContainTextAsync("住民票はどこで取れますか");
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("chats-offer.png") });
        await page.GetByRole(AriaRole.Button, new() { Name = "応答", Exact = true }).First.ClickAsync();

        // The chat opens with the bot's part of the conversation; the citizen hears that an operator joined.
        var transcript = page.GetByRole(AriaRole.List, new() { Name = "会話の記録" });
        await Assertions.Expect(transcript.Locator(".line.user").First).ToContainTextAsync("住民票はどこで取れますか", new() { Timeout = 15_000 });
        await Assertions.Expect(transcript.Locator(".line.bot").First).ToBeVisibleAsync();
        await Assertions.Expect(transcript.Locator(".line.user.clicked").Filter(new() { HasText = "オペレーターと話す" })).ToContainTextAsync("（選択）");
        await Assertions.Expect(page.Locator("#mine .chat-tab[aria-current=true]")).ToHaveCountAsync(1);
        await citizen.PollUntilAsync(a => a.Any(x => DirectLineTestClient.TextOf(x).Contains("オペレーターがお話をうかがいます", StringComparison.Ordinal)), ct);

        // Enter confirming an IME conversion does not send; a plain Enter does, and the citizen receives it.
        var message = page.GetByRole(AriaRole.Textbox, new() { Name = "メッセージ", Exact = true });
        await Assertions.Expect(message).ToBeFocusedAsync();
        await message.FillAsync("変換中の文字");
        await message.DispatchEventAsync("keydown", new Dictionary<string, object> { ["key"] = "Enter", ["isComposing"] = true, ["bubbles"] = true, ["cancelable"] = true });
        await page.WaitForTimeoutAsync(500);
        await Assertions.Expect(message).ToHaveValueAsync("変換中の文字");
        const string greeting = "担当のオペレーターです。\n住民票の件でお困りでしょうか。";
        await message.FillAsync(greeting);
        await message.PressAsync("Enter");
        await Assertions.Expect(message).ToHaveValueAsync("");
        await citizen.PollUntilAsync(a => a.Any(x => DirectLineTestClient.TextOf(x) == greeting), ct);
        Assert.DoesNotContain((await citizen.GetActivitiesAsync("", ct)).Activities, a => DirectLineTestClient.TextOf(a).Contains("変換中", StringComparison.Ordinal));
        await Assertions.Expect(transcript.Locator(".line.agent")).ToContainTextAsync("住民票の件でお困りでしょうか。");

        // The citizen types (入力中…), then writes; the console shows the message and hides the indicator.
        using (var typing = await citizen.PostActivityAsync(new { type = "typing", from = new { id = "someone-else", role = "user" } }, ct))
        {
            typing.EnsureSuccessStatusCode();
        }

        await Assertions.Expect(page.GetByText("入力中…")).ToBeVisibleAsync();
        await citizen.SayAsync("転出届に必要なものを教えてください", "c-4", ct);
        await Assertions.Expect(transcript.Locator(".line.user").Last).ToContainTextAsync("転出届に必要なものを教えてください");
        await Assertions.Expect(page.GetByText("入力中…")).ToBeHiddenAsync();

        // 定型文: placeholders filled with the agent's name and the city; 送信 sends it.
        await page.GetByRole(AriaRole.Tab, new() { Name = "定型文" }).ClickAsync();
        await page.GetByLabel("定型文を検索").FillAsync("転出");
        await page.Locator("#canned .canned").Filter(new() { HasText = "転出の案内" }).ClickAsync();
        await Assertions.Expect(message).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^若葉台市 市民課の案内を担当するコールセンター 太郎です。"));
        var cannedText = await message.InputValueAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "送信", Exact = true }).ClickAsync();
        await citizen.PollUntilAsync(a => a.Any(x => DirectLineTestClient.TextOf(x) == cannedText), ct);

        // FAQ: search, then リンクを送る sends the title and an absolute link and records the agent's confirmation.
        await page.GetByRole(AriaRole.Tab, new() { Name = "FAQ" }).ClickAsync();
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "FAQを検索" }).FillAsync("転出届");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "FAQを検索" }).PressAsync("Enter");
        var firstFaq = page.Locator("#faq-results .faq").First;
        await Assertions.Expect(firstFaq).ToBeVisibleAsync();
        var faqHref = await firstFaq.Locator("a").GetAttributeAsync("href");
        var faqId = Guid.Parse(faqHref!.Split('/')[^1]);
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("chats-active.png") });
        var confirmation = page.WaitForResponseAsync(r => r.Url.EndsWith("/api/faq/ranking/confirmations", StringComparison.Ordinal));
        await firstFaq.GetByRole(AriaRole.Button, new() { Name = "リンクを送る" }).ClickAsync();
        await citizen.PollUntilAsync(a => a.Any(x => DirectLineTestClient.TextOf(x).EndsWith(baseUrl + "/faq/" + faqId, StringComparison.Ordinal)), ct);
        Assert.Equal(201, (await confirmation).Status);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            // The query is encrypted at rest: compared once read back.
            var confirmed = await scope.ServiceProvider.GetRequiredService<FaqDbContext>().RankingJudgements.AsNoTracking()
                .Where(j => j.Source == JudgementSource.AgentConfirmed && j.FaqId == faqId).ToListAsync(ct);
            Assert.Contains(confirmed, j => j.Query == "転出届" && j.StaffUserId is not null);
        }

        // The page at 1366×768: no scrolling of the window, and no serious or critical axe violations (dialog open too).
        var fit = await page.EvaluateAsync<int[]>(
            "() => [document.documentElement.scrollWidth, Math.ceil(document.getElementById('composer').getBoundingClientRect().bottom)," +
            " document.querySelector('.chats').scrollHeight - document.querySelector('.chats').clientHeight]");
        var violations = new List<string>();
        violations.AddRange(await AxeAsync(page, "chat"));
        await page.GetByRole(AriaRole.Button, new() { Name = "終了", Exact = true }).ClickAsync();
        var closeDialog = page.GetByRole(AriaRole.Dialog, new() { Name = "チャットを終了" });
        await Assertions.Expect(closeDialog).ToBeVisibleAsync();
        violations.AddRange(await AxeAsync(page, "close-dialog"));
        await File.WriteAllTextAsync(Browser.ArtifactPath("../a11y-chats.json"), JsonSerializer.Serialize(violations, Indented), ct);

        // 終了 with a wrap-up code: the chat leaves the console and the citizen is asked to take the satisfaction survey.
        await closeDialog.GetByRole(AriaRole.Button, new() { Name = "終了する" }).ClickAsync();
        await Assertions.Expect(closeDialog.GetByRole(AriaRole.Alert)).ToContainTextAsync("終了コードを選んでください");
        await closeDialog.GetByLabel("解決", new() { Exact = true }).CheckAsync();
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("chats-close-dialog.png") });
        await closeDialog.GetByRole(AriaRole.Button, new() { Name = "終了する" }).ClickAsync();
        await Assertions.Expect(closeDialog).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#notice")).ToHaveTextAsync("チャットを終了しました。");
        await Assertions.Expect(page.Locator("#mine .chat-tab")).ToHaveCountAsync(0);
        var (activities, _) = await citizen.PollUntilAsync(a => a.Any(x => DirectLineTestClient.TextOf(x).Contains("アンケート（7問・2分ほど）にご協力いただけますか", StringComparison.Ordinal)), ct);
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("chats-closed.png") });

        // Assert
        Assert.Contains("はい", Choices(activities.Last(x => DirectLineTestClient.TextOf(x).Contains("アンケート（7問・2分ほど）にご協力いただけますか", StringComparison.Ordinal))));
        Assert.True(fit[0] <= 1366 && fit[1] <= 768 && fit[2] <= 0, $"the console does not fit 1366×768: width {fit[0]}, composer ends at {fit[1]}, overflow {fit[2]}");
        Assert.True(violations.Count == 0, "serious or critical axe violations:\n" + string.Join("\n", violations));
        Assert.Empty(scriptErrors);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var request = await scope.ServiceProvider.GetRequiredService<HandoffDbContext>().Requests.AsNoTracking().SingleAsync(ct);
            Assert.Equal("resolved", request.WrapUpCode);
        }
    }

    [Fact]
    public async Task TenChats_At1366x768_AllReachableWithUnreadCountsThatSurviveAReload()
    {
        // Arrange: ten citizens ask for a person; the operator may hold ten chats.
        var ct = TestTimeout.Token(300);
        await AvoidMidnightAsync(ct);
        var settings = OpenAllDay();
        settings["Handoff:MaxConcurrentChats"] = "10";
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, settings, ct);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 }, Locale = "ja-JP", TimezoneId = "Asia/Tokyo" });
        var page = await context.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        var baseUrl = host.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        await ChatsConsolePage.SignInAvailableAsync(page, baseUrl, "operator");
        var citizens = new List<DirectLineTestClient>();
        try
        {
            for (var i = 0; i < 10; i++)
            {
                var citizen = new DirectLineTestClient(host.CreateClient());
                citizens.Add(citizen);
                await citizen.StartAsync(ct);
                await citizen.SayAsync("オペレーターと話す", "ten-" + i.ToString(CultureInfo.InvariantCulture), ct);
            }

            // Act: accept all ten, from the offer or the queue, whichever comes first.
            var mine = page.Locator("#mine .chat-tab");
            for (var accepted = 0; accepted < 10; accepted = await mine.CountAsync())
            {
                var accept = page.Locator(".offer .accept, #queue .accept").First;
                await accept.WaitForAsync(new() { Timeout = 30_000 });
                try
                {
                    await accept.ClickAsync(new() { Timeout = 5_000 });
                }
                catch (PlaywrightException)
                {
                    // The list was redrawn by a push under the pointer (ten citizens arriving): click again.
                    continue;
                }

                await Assertions.Expect(mine).ToHaveCountAsync(accepted + 1, new() { Timeout = 15_000 });
            }

            // The tenth chat is shown; citizens of the first and second chats write.
            await mine.Nth(9).ClickAsync();
            await Assertions.Expect(mine.Nth(9)).ToHaveAttributeAsync("aria-current", "true");
            await citizens[0].SayAsync("一件目の市民です", "ten-m0", ct);
            await citizens[1].SayAsync("二件目の市民です", "ten-m1", ct);
            await citizens[1].SayAsync("二件目の二通目です", "ten-m2", ct);
            await Assertions.Expect(mine.Nth(0).Locator(".badge")).ToContainTextAsync("1");
            await Assertions.Expect(mine.Nth(1).Locator(".badge")).ToContainTextAsync("2");
            await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("未読 3"));
            await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("chats-ten.png") });

            // Reading the first chat clears its count; a reload keeps what was read and what was not, the chat shown
            // and the text being typed.
            await mine.Nth(0).ClickAsync();
            await Assertions.Expect(page.Locator(".transcript .line.user").Last).ToContainTextAsync("一件目の市民です");
            await Assertions.Expect(mine.Nth(0).Locator(".badge")).ToHaveCountAsync(0);
            var message = page.GetByRole(AriaRole.Textbox, new() { Name = "メッセージ", Exact = true });
            await message.PressSequentiallyAsync("書きかけの返事");
            await page.ReloadAsync();
            await Assertions.Expect(mine).ToHaveCountAsync(10);
            await Assertions.Expect(mine.Nth(0)).ToHaveAttributeAsync("aria-current", "true");
            await Assertions.Expect(message).ToHaveValueAsync("書きかけの返事");
            await Assertions.Expect(mine.Nth(1).Locator(".badge")).ToContainTextAsync("2");
            await Assertions.Expect(mine.Nth(0).Locator(".badge")).ToHaveCountAsync(0);
            await Assertions.Expect(mine.Nth(1)).ToContainTextAsync("二件目の二通目です");

            // Alt+↓ moves to the next chat, which is then read.
            await message.PressAsync("Alt+ArrowDown");
            await Assertions.Expect(mine.Nth(1)).ToHaveAttributeAsync("aria-current", "true");
            await Assertions.Expect(mine.Nth(1).Locator(".badge")).ToHaveCountAsync(0);
            await Assertions.Expect(message).ToBeFocusedAsync();
            var fit = await page.EvaluateAsync<int[]>(
                "() => [document.documentElement.scrollWidth, Math.ceil(document.getElementById('composer').getBoundingClientRect().bottom)," +
                " Math.ceil(document.querySelectorAll('#mine .chat-tab')[9].getBoundingClientRect().bottom)," +
                " Math.floor(document.querySelector('.mine-part').getBoundingClientRect().bottom)]");

            // Assert: the window does not scroll and all ten chats are in sight without scrolling their list.
            Assert.True(fit[0] <= 1366 && fit[1] <= 768 && fit[2] <= fit[3], $"ten chats do not fit 1366×768: width {fit[0]}, composer ends at {fit[1]}, tenth chat ends at {fit[2]} (list at {fit[3]})");
            Assert.Empty(scriptErrors);
        }
        finally
        {
            citizens.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task Transfer_ToSupervisor_MovesTheChatWithItsNotesTransferNoteFirst()
    {
        // Arrange: an operator (受付可) and a supervisor (離席, so routing offers the citizen to the operator).
        var ct = TestTimeout.Token(300);
        await AvoidMidnightAsync(ct);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, OpenAllDay(), ct);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var baseUrl = host.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        var options = new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 }, Locale = "ja-JP", TimezoneId = "Asia/Tokyo" };
        var supervisor = await (await browser.NewContextAsync(options)).NewPageAsync();
        await ChatsConsolePage.SignInAsync(supervisor, baseUrl, "supervisor");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "離席", Exact = true }).ClickAsync();
        await Assertions.Expect(supervisor.Locator("#presence-now")).ToContainTextAsync("離席（休憩）");
        var operatorPage = await (await browser.NewContextAsync(options)).NewPageAsync();
        await ChatsConsolePage.SignInAvailableAsync(operatorPage, baseUrl, "operator");
        using var citizen = new DirectLineTestClient(host.CreateClient());
        await citizen.StartAsync(ct);
        await citizen.SayAsync("オペレーターと話す", "t-1", ct);
        await operatorPage.GetByRole(AriaRole.Button, new() { Name = "応答", Exact = true }).First.ClickAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(operatorPage.GetByRole(AriaRole.Textbox, new() { Name = "メッセージ", Exact = true })).ToBeEnabledAsync();

        // Act: an internal note, then 転送 → スーパーバイザーへ（二次対応） with a handover note.
        await operatorPage.GetByRole(AriaRole.Tab, new() { Name = "内部メモ" }).ClickAsync();
        await operatorPage.GetByLabel("メモを追加（市民には見えません）").FillAsync("住所変更の件で折り返し希望");
        await operatorPage.GetByRole(AriaRole.Button, new() { Name = "メモを保存" }).ClickAsync();
        await Assertions.Expect(operatorPage.Locator("#notes .note")).ToContainTextAsync("住所変更の件で折り返し希望");
        await operatorPage.GetByRole(AriaRole.Button, new() { Name = "転送", Exact = true }).ClickAsync();
        var dialog = operatorPage.GetByRole(AriaRole.Dialog, new() { Name = "チャットを転送" });
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog.GetByLabel("担当者", new() { Exact = true })).ToContainTextAsync("コールセンター 監督");
        await dialog.GetByLabel("スーパーバイザーへ（二次対応）").CheckAsync();
        await dialog.GetByLabel("引き継ぎメモ（任意）").FillAsync("二次対応をお願いします");
        var violations = await AxeAsync(operatorPage, "transfer-dialog");
        await operatorPage.ScreenshotAsync(new() { Path = Browser.ArtifactPath("chats-transfer-dialog.png") });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "転送する" }).ClickAsync();

        // Assert: gone from the operator's console, on the supervisor's with the handover note first.
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(operatorPage.Locator("#notice")).ToHaveTextAsync("チャットを転送しました。");
        await Assertions.Expect(operatorPage.Locator("#mine .chat-tab")).ToHaveCountAsync(0);
        await Assertions.Expect(supervisor.Locator("#mine .chat-tab")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await Assertions.Expect(supervisor.Locator("#notice")).ToContainTextAsync("チャットが引き継がれました");
        await supervisor.GetByRole(AriaRole.Tab, new() { Name = "内部メモ" }).ClickAsync();
        var notes = supervisor.Locator("#notes .note");
        await Assertions.Expect(notes).ToHaveCountAsync(2);
        await Assertions.Expect(notes.First).ToContainTextAsync("引き継ぎメモ");
        await Assertions.Expect(notes.First).ToContainTextAsync("二次対応をお願いします");
        await Assertions.Expect(notes.Nth(1)).ToContainTextAsync("住所変更の件で折り返し希望");
        await supervisor.ScreenshotAsync(new() { Path = Browser.ArtifactPath("chats-transferred.png") });
        await citizen.PollUntilAsync(a => a.Any(x => DirectLineTestClient.TextOf(x).Contains("担当のオペレーターが交代します", StringComparison.Ordinal)), ct);
        Assert.True(violations.Count == 0, "serious or critical axe violations:\n" + string.Join("\n", violations));
    }

    [Fact]
    public async Task Transfer_ToATeam_ReachesTheTeamsAgent()
    {
        // Arrange: the operator in the console; a tax-team agent on the hub (profile set by the supervisor's API).
        var ct = TestTimeout.Token(300);
        await AvoidMidnightAsync(ct);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, OpenAllDay(), ct);
        await AgentClient.CreateAccountAsync(host, "tax-agent", Core.Identity.HubRoles.Operator, ct);
        await using var taxAgent = await AgentClient.ConnectAsync(host, "tax-agent", ct);
        using (var supervisorApi = await host.SignInAsync("supervisor", ct))
        using (var set = await System.Net.Http.Json.HttpClientJsonExtensions.PutAsJsonAsync(supervisorApi, new Uri($"/api/handoff/agents/{taxAgent.Id}/profile", UriKind.Relative), new { categories = new[] { "税金" } }, ct))
        {
            Assert.Equal(System.Net.HttpStatusCode.NoContent, set.StatusCode);
        }

        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var baseUrl = host.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        var operatorPage = await (await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 }, Locale = "ja-JP", TimezoneId = "Asia/Tokyo" })).NewPageAsync();
        await ChatsConsolePage.SignInAvailableAsync(operatorPage, baseUrl, "operator");
        using var citizen = new DirectLineTestClient(host.CreateClient());
        await citizen.StartAsync(ct);
        await citizen.SayAsync("オペレーターと話す", "team-1", ct);
        await operatorPage.GetByRole(AriaRole.Button, new() { Name = "応答", Exact = true }).First.ClickAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(operatorPage.GetByRole(AriaRole.Textbox, new() { Name = "メッセージ", Exact = true })).ToBeEnabledAsync();
        Assert.True((await taxAgent.AvailableAsync(ct)).Ok);

        // Act: 転送 → チームへ → 税金, with a note. The team appears once the console has heard of the tax agent.
        var dialog = operatorPage.GetByRole(AriaRole.Dialog, new() { Name = "チャットを転送" });
        var team = dialog.GetByLabel("チーム", new() { Exact = true });
        for (var attempt = 0; attempt < 20; attempt++)
        {
            await operatorPage.GetByRole(AriaRole.Button, new() { Name = "転送", Exact = true }).ClickAsync();
            await Assertions.Expect(dialog).ToBeVisibleAsync();
            if ((await team.InnerTextAsync()).Contains("税金", StringComparison.Ordinal))
            {
                break;
            }

            await dialog.GetByRole(AriaRole.Button, new() { Name = "キャンセル" }).ClickAsync();
            await operatorPage.WaitForTimeoutAsync(500);
        }

        await dialog.GetByLabel("チームへ（担当分野のオペレーター）").CheckAsync();
        await team.SelectOptionAsync("税金");
        await dialog.GetByLabel("引き継ぎメモ（任意）").FillAsync("固定資産税の件です");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "転送する" }).ClickAsync();

        // Assert: gone from the operator's console; offered to the team's agent, who sees the note first.
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(operatorPage.Locator("#mine .chat-tab")).ToHaveCountAsync(0);
        var id = Guid.Parse(citizen.ConversationId);
        await taxAgent.WaitForOfferAsync(id, ct);
        Assert.True((await taxAgent.ActAsync("Accept", ct, id)).Ok);
        var view = await taxAgent.InvokeAsync("OpenChat", ct, id);
        Assert.Equal("固定資産税の件です", view.GetProperty("notes")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task ConsoleIndex_LinksChatsForOperatorsAndSupervisors_SupervisorPageForSupervisorsOnly()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, cancellationToken: ct);
        using var operatorClient = await host.SignInAsync("operator", ct);
        using var supervisorClient = await host.SignInAsync("supervisor", ct);
        using var editorClient = await host.SignInAsync("faq-editor", ct);

        // Act
        var operatorHome = await operatorClient.GetStringAsync(new Uri("/console", UriKind.Relative), ct);
        var supervisorHome = await supervisorClient.GetStringAsync(new Uri("/console", UriKind.Relative), ct);
        var editorHome = await editorClient.GetStringAsync(new Uri("/console", UriKind.Relative), ct);
        using var editorChats = await editorClient.GetAsync(new Uri("/console/chats", UriKind.Relative), ct);

        // Assert
        Assert.Contains("<a href=\"/console/chats\">チャット対応</a>", operatorHome, StringComparison.Ordinal);
        Assert.DoesNotContain("/console/supervisor", operatorHome, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/console/chats\">チャット対応</a>", supervisorHome, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/console/supervisor\">スーパーバイザー画面</a>", supervisorHome, StringComparison.Ordinal);
        Assert.DoesNotContain("/console/chats", editorHome, StringComparison.Ordinal);
        Assert.False(editorChats.IsSuccessStatusCode, $"an FAQ editor opened the chats console: {editorChats.StatusCode}");
    }

    [Fact]
    public async Task AxeHarness_FindsAPlantedViolation()
    {
        // The axe check above means something only if the harness reports what it should.
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        await page.SetContentAsync("<!doctype html><html lang=\"ja\"><head><title>t</title></head><body><main><button></button></main></body></html>");

        var violations = await AxeAsync(page, "planted");

        Assert.Contains(violations, v => v.Contains("button-name", StringComparison.Ordinal));
    }

    // The center open all day (HandoffSettings), Direct Line tokens for many citizens, offers that wait for a slow machine.
    private static Dictionary<string, string?> OpenAllDay()
    {
        var settings = HandoffSettings.OpenAllDay(DirectLineHostFixture.Settings());
        settings["Handoff:OfferTimeout"] = "00:01:30";
        return settings;
    }

    // 23:59 JST is outside "00:00-23:59"; a run that would reach it waits for the new day.
    private static async Task AvoidMidnightAsync(CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow.ToOffset(Jst);
        if (now.TimeOfDay >= new TimeSpan(23, 57, 0))
        {
            await Task.Delay(TimeSpan.FromDays(1) - now.TimeOfDay + TimeSpan.FromSeconds(5), ct);
        }
    }

    private static async Task SeedCannedAsync(HubHost host, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        db.CannedResponses.Add(new CannedResponse("転出の案内", "{city} 市民課の案内を担当する{agent}です。{today}の受付は17時15分までです。", "住民票", Guid.NewGuid(), DateTime.UtcNow));
        db.CannedResponses.Add(new CannedResponse("お待たせのお詫び", "お待たせして申し訳ありません。", null, Guid.NewGuid(), DateTime.UtcNow));
        await db.SaveChangesAsync(ct);
    }

    private static List<string> Choices(JsonElement activity) =>
        activity.TryGetProperty("suggestedActions", out var actions)
            ? [.. actions.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString() ?? "")]
            : [];

    // Serious and critical WCAG 2.1 A/AA violations, one line per node.
    internal static async Task<List<string>> AxeAsync(IPage page, string where)
    {
        var path = Path.Combine(Checkout.TryFindRoot() ?? ".", "tests", "js", "node_modules", "axe-core", "axe.min.js");
        Assert.True(File.Exists(path), $"{path} is missing: run `cd tests/js && npm ci`.");
        await Browser.RunScriptFileAsync(page, path);
        var found = await page.EvaluateAsync<JsonElement>(
            $"async () => (await axe.run(document, {{ runOnly: {{ type: 'tag', values: {AxeTags} }} }})).violations" +
            ".filter(v => v.impact === 'serious' || v.impact === 'critical')" +
            ".flatMap(v => v.nodes.map(n => `${v.id} (${v.impact}) ${n.target.join(' ')} :: ${n.html.slice(0, 160)}`))");
        return [.. found.EnumerateArray().Select(v => where + ": " + v.GetString())];
    }
}
