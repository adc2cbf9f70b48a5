using System.Net;
using System.Text.Json;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.DirectLine;
using ConversationHub.Host.Tests.EndToEnd;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.Playwright;

namespace ConversationHub.Host.Tests.Handoff;

/// <summary>
/// The supervisor view in Chromium at 1366×768: a citizen waits in the queue (Direct Line), an operator is signed in
/// on the consoles' hub (the official .NET SignalR client); the supervisor sees the figures and the queued chat, gives
/// it to the operator, watches it live (モニタリング) and whispers to the operator (ささやき), which the citizen never
/// receives. axe-core finds no serious or critical WCAG 2.1 A/AA violation.
/// </summary>
public sealed class SupervisorConsoleBrowserTests
{
    private const string OperatorName = "コールセンター 太郎";
    private const string AxeTags = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']";

    [Fact]
    public async Task SupervisorView_QueuedChat_AssignsMonitorsAndWhispers()
    {
        // Arrange: the queue open at any hour, an operator on the hub, a citizen asking for a person.
        var ct = TestTimeout.Token(300);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, HandoffSettings.OpenAllDay(), ct);
        await using var agent = await AgentClient.ConnectAsync(host, "operator", ct);
        Assert.True((await agent.AvailableAsync(ct)).Ok);
        using var citizen = new DirectLineTestClient(host.CreateClient());
        await citizen.StartAsync(ct);
        await citizen.SayAsync("転入届に必要なものを知りたい", "sv-1", ct);
        await citizen.PollUntilAsync(a => a.Any(DirectLineTestClient.IsBotMessage), ct);
        await citizen.SayAsync("オペレーターと話す", "sv-2", ct);
        await citizen.PollUntilAsync(a => a.Any(IsQueuedStatus), ct);

        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 }, Locale = "ja-JP" });
        var page = await context.NewPageAsync();
        var baseUrl = host.ClientOptions.BaseAddress.ToString().TrimEnd('/');

        // Act: sign in as the supervisor through the form and open the view.
        await page.GotoAsync(baseUrl + "/account/login");
        await page.FillAsync("#userName", "supervisor");
        await page.FillAsync("#password", HubHost.DemoPassword);
        await page.ClickAsync("form button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("/console", StringComparison.Ordinal));
        await page.GotoAsync(baseUrl + "/console/supervisor");

        // Assert: the figures and the queued chat with its first question.
        var queueRow = page.Locator("#sv-queue tbody tr", new PageLocatorOptions { HasText = "転入届に必要なものを知りたい" });
        await Assertions.Expect(queueRow).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#sv-connection")).ToHaveAttributeAsync("data-state", "online");
        await Assertions.Expect(page.Locator("[data-figure=waitingNow]")).ToHaveTextAsync("1件");
        await Assertions.Expect(page.Locator("[data-figure=agentsAvailable]")).ToHaveTextAsync("1人");
        await Assertions.Expect(page.Locator("[data-figure=target]")).ToHaveTextAsync("60秒以内");
        await Assertions.Expect(page.Locator("[data-figure=offeredToday]")).ToHaveTextAsync("1件");
        await Assertions.Expect(page.Locator("[data-figure=averageHandling]")).ToHaveTextAsync("—");
        await Assertions.Expect(queueRow.Locator("td").First).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#sv-agents tbody tr", new PageLocatorOptions { HasText = OperatorName })).ToContainTextAsync("受付可");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ArtifactPath("supervisor-queue.png") });
        var queueViolations = await SeriousAxeViolationsAsync(page, "queue");

        // Act: 割当 → choose the operator → 割り当てる.
        await queueRow.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "割当" }).ClickAsync();
        var dialog = page.Locator("#sv-assign");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        var option = dialog.Locator("option", new LocatorLocatorOptions { HasText = OperatorName });
        await dialog.Locator("select").SelectOptionAsync(new SelectOptionValue { Value = await option.GetAttributeAsync("value") });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ArtifactPath("supervisor-assign-dialog.png") });
        var dialogViolations = await SeriousAxeViolationsAsync(page, "dialog");
        await dialog.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "割り当てる" }).ClickAsync();

        // Assert: the chat left the queue and is the operator's live chat.
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#sv-message")).ToHaveTextAsync($"{OperatorName}さんに割り当てました。");
        var chatRow = page.Locator("#sv-chats tbody tr", new PageLocatorOptions { HasText = OperatorName });
        await Assertions.Expect(chatRow).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("[data-empty=queue]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-figure=chatsNow]")).ToHaveTextAsync("1件");
        await Assertions.Expect(page.Locator("[data-figure=answeredToday]")).ToHaveTextAsync("1件");

        // Act: モニタリング shows the transcript, and what the citizen writes next arrives live.
        await chatRow.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "モニタリング" }).ClickAsync();
        var transcript = page.Locator("#sv-transcript");
        await Assertions.Expect(transcript).ToContainTextAsync("転入届に必要なものを知りたい", new LocatorAssertionsToContainTextOptions { Timeout = 15_000 });
        await Assertions.Expect(transcript).ToContainTextAsync("オペレーターがお話をうかがいます");
        await citizen.SayAsync("マイナンバーカードも必要ですか", "sv-3", ct);
        await Assertions.Expect(transcript).ToContainTextAsync("マイナンバーカードも必要ですか", new LocatorAssertionsToContainTextOptions { Timeout = 15_000 });

        // Act: ささやき to the operator.
        await page.FillAsync("#sv-whisper-text", "本人確認書類のご案内をお願いします");
        await page.ClickAsync("#sv-whisper button[type=submit]");
        await Assertions.Expect(page.Locator("#sv-whisper-status")).ToHaveTextAsync("ささやきを送りました。");
        await Assertions.Expect(page.Locator("#sv-notes")).ToContainTextAsync("本人確認書類のご案内をお願いします", new LocatorAssertionsToContainTextOptions { Timeout = 15_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ArtifactPath("supervisor-monitoring.png") });
        var monitorViolations = await SeriousAxeViolationsAsync(page, "monitor");

        // Assert: the operator has the whisper; the citizen never got it.
        var conversationId = Guid.Parse(citizen.ConversationId);
        var notes = await agent.InvokeAsync("ReadNotes", ct, conversationId);
        Assert.Contains(notes.EnumerateArray(), n => n.GetProperty("kind").GetString() == "Whisper" && n.GetProperty("text").GetString() == "本人確認書類のご案内をお願いします");
        var (activities, _) = await citizen.GetActivitiesAsync("", ct);
        Assert.DoesNotContain(activities, a => DirectLineTestClient.TextOf(a).Contains("本人確認書類", StringComparison.Ordinal));
        Assert.True(queueViolations.Count + dialogViolations.Count + monitorViolations.Count == 0,
            "serious/critical axe violations:\n" + string.Join("\n", queueViolations.Concat(dialogViolations).Concat(monitorViolations)));
    }

    [Fact]
    public async Task SupervisorPage_Operator_IsForbidden()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, cancellationToken: ct);
        using var operatorClient = await host.SignInAsync("operator", ct);
        using var supervisorClient = await host.SignInAsync("supervisor", ct);

        // Act
        using var refused = await operatorClient.GetAsync(new Uri("/console/supervisor", UriKind.Relative), ct);
        var html = await supervisorClient.GetStringAsync(new Uri("/console/supervisor", UriKind.Relative), ct);

        // Assert: operators are turned away; the supervisor gets the shell with its labels, texts and script.
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden || HubHost.IsRedirectTo(refused, "/account/denied"), $"operator got {refused.StatusCode}");
        Assert.Contains("目標時間内応答率", html, StringComparison.Ordinal);
        Assert.Contains("id=\"sv-texts\"", html, StringComparison.Ordinal);
        Assert.Contains("/console/assets/supervisor.js?v=", html, StringComparison.Ordinal);
    }

    private static bool IsQueuedStatus(JsonElement activity) =>
        activity.GetProperty("type").GetString() == "event"
        && activity.TryGetProperty("name", out var name) && name.GetString() == "handoff.status"
        && activity.GetProperty("value").GetProperty("state").GetString() == "queued";

    private static async Task<List<string>> SeriousAxeViolationsAsync(IPage page, string step)
    {
        var axe = Path.Combine(Checkout.TryFindRoot() ?? ".", "tests", "js", "node_modules", "axe-core", "axe.min.js");
        Assert.True(File.Exists(axe), $"{axe} is missing: run `cd tests/js && npm ci`.");
        await Browser.RunScriptFileAsync(page, axe);
        var violations = await page.EvaluateAsync<JsonElement>(
            $"async () => (await axe.run(document, {{ runOnly: {{ type: 'tag', values: {AxeTags} }} }})).violations" +
            ".map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' ')) }))");
        await File.WriteAllTextAsync(Browser.ArtifactPath($"../a11y-supervisor-{step}.json"), violations.GetRawText());
        return [.. violations.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} :: {string.Join(", ", v.GetProperty("targets").EnumerateArray())}")];
    }
}
