using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.DirectLine;
using ConversationHub.Host.Tests.EndToEnd;
using ConversationHub.Host.Tests.Handoff;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.Playwright;

namespace ConversationHub.Host.Tests.Programs;

/// <summary>
/// The 施策 panel of the agents' console at 1366×768: a citizen who came through a program's chat entry asks for a
/// person; the operator who answers sees the program's name and links to its forms, reservations and roster for this
/// conversation. axe-core finds no serious or critical violation with the panel shown.
/// </summary>
public sealed class ProgramPanelBrowserTests
{
    [Fact]
    public async Task ChatsConsole_ProgramConversation_ShowsProgramPanelWithLinks()
    {
        // Arrange: the center open all day (the run avoids 23:57–24:00 in Japan, outside "00:00-23:59").
        var ct = TestTimeout.Token(300);
        var settings = HandoffSettings.OpenAllDay(DirectLineHostFixture.Settings());
        settings["Handoff:OfferTimeout"] = "00:01:30";
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, settings, ct);
        await ProgramSeed.AddAsync(host, "panel", -1, 30, ct);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 }, Locale = "ja-JP", TimezoneId = "Asia/Tokyo" });
        var page = await context.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        var baseUrl = host.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        await ChatsConsolePage.SignInAvailableAsync(page, baseUrl, "operator");

        // Act: the citizen enters through the program's chat entry and asks for a person; the operator answers.
        using var citizen = new DirectLineTestClient(host.CreateClient());
        await ProgramSeed.EnterAsync(citizen, "panel", ct);

        await citizen.StartAsync(ct);
        await citizen.SayAsync("オペレーターと話す", "p-1", ct);
        var offer = page.Locator(".offer");
        await Assertions.Expect(offer).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "応答", Exact = true }).First.ClickAsync();
        var panel = page.Locator("#program-panel");
        await Assertions.Expect(panel).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var violations = await ChatsConsoleBrowserTests.AxeAsync(page, "program-panel");
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("chats-program-panel.png") });

        // Assert
        await Assertions.Expect(panel.Locator("#program-name")).ToHaveTextAsync("テスト施策 panel");
        var query = "?program=panel&conversation=" + citizen.ConversationId;
        await Assertions.Expect(panel.GetByRole(AriaRole.Link, new() { Name = "代行入力フォーム" })).ToHaveAttributeAsync("href", "/console/programs/forms" + query);
        await Assertions.Expect(panel.GetByRole(AriaRole.Link, new() { Name = "予約" })).ToHaveAttributeAsync("href", "/console/programs/reservations" + query);
        await Assertions.Expect(panel.GetByRole(AriaRole.Link, new() { Name = "配布先名簿" })).ToHaveAttributeAsync("href", "/console/programs/roster" + query);
        Assert.True(violations.Count == 0, "serious or critical axe violations:\n" + string.Join("\n", violations));
        Assert.Empty(scriptErrors);
    }
}
