using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.DirectLine;
using ConversationHub.Host.Tests.EndToEnd;
using ConversationHub.Host.Tests.Handoff;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.Playwright;

namespace ConversationHub.Host.Tests.Cases;

/// <summary>「案件化」 in the agents' chats console: the open chat becomes a case, opened in a new tab with its transcript.</summary>
public sealed class CaseConsoleFromChatBrowserTests
{
    [Fact]
    public async Task Operator_CaseFromOpenChat_OpensCasePageWithTranscript()
    {
        // Arrange: the center open all day; the operator is available; a citizen asks for a person and is accepted.
        var ct = TestTimeout.Token(300);
        var settings = HandoffSettings.OpenAllDay(DirectLineHostFixture.Settings());
        settings["Handoff:OfferTimeout"] = "00:01:30";
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, settings, ct);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await StaffSignIn.NewConsolePageAsync(browser);
        var baseUrl = host.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        await ChatsConsolePage.SignInAvailableAsync(page, baseUrl, "operator");
        using var citizen = new DirectLineTestClient(host.CreateClient());
        await ChatsConsolePage.AcceptCitizenAskingForPersonAsync(page, citizen, ct);
        var create = page.GetByRole(AriaRole.Button, new() { Name = "案件化", Exact = true });
        await Assertions.Expect(create).ToBeEnabledAsync(new() { Timeout = 15_000 });

        // Act
        var popup = page.WaitForPopupAsync();
        await create.ClickAsync();
        var tab = await popup;
        await tab.WaitForURLAsync("**/console/cases/*");

        // Assert: the case page, channel Webチャット, the transcript as the first entry; the console says so.
        await Assertions.Expect(tab.Locator(".case-meta")).ToContainTextAsync("Webチャット");
        await Assertions.Expect(tab.Locator(".timeline")).ToContainTextAsync("住民票はどこで取れますか");
        await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync("を作成しました");
        var number = (await tab.Locator(".case-number").InnerTextAsync()).Trim();
        // The chat's heading learns the case from the console's next refresh, which a loaded machine can delay.
        await Assertions.Expect(page.Locator("#chat-meta a.case-link")).ToHaveTextAsync("案件 " + number, new() { Timeout = 15_000 });
    }
}
