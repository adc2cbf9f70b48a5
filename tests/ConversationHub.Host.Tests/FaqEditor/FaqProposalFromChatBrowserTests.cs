using ConversationHub.Core.Persistence;
using ConversationHub.Faq.KnowledgeBase.Proposals;
using ConversationHub.Host.Tests.DirectLine;
using ConversationHub.Host.Tests.EndToEnd;
using ConversationHub.Host.Tests.FaqSite;
using ConversationHub.Host.Tests.Handoff;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ConversationHub.Host.Tests.FaqEditor;

/// <summary>「FAQ提案」 in the agents' chats console (issue 17): prefilled with the citizen's first question, posted to the FAQ module from the browser.</summary>
public sealed class FaqProposalFromChatBrowserTests
{
    [Fact]
    public async Task Operator_ProposesFromOpenChat_ProposalIsQueuedWithConversation()
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
        var propose = page.GetByRole(AriaRole.Button, new() { Name = "FAQ提案", Exact = true });
        await Assertions.Expect(propose).ToBeEnabledAsync(new() { Timeout = 15_000 });

        // Act
        await propose.ClickAsync();
        await Assertions.Expect(page.Locator("#faq-proposal-question")).ToHaveValueAsync("住民票はどこで取れますか");
        await Assertions.Expect(page.Locator("#faq-proposal-citizen")).ToHaveValueAsync("住民票はどこで取れますか");
        await page.Locator("#faq-proposal-answer").FillAsync("市民課の窓口とコンビニで取れます。");
        await page.GetByRole(AriaRole.Button, new() { Name = "提案を送る", Exact = true }).ClickAsync();

        // Assert: the console says so, and the queue holds it with the conversation and the citizen's words.
        await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync("FAQ提案を送りました。");
        var stored = await FaqTestData.WithFaqDbAsync(host, db => db.Proposals.AsNoTracking().SingleAsync(p => p.ProposedQuestion == "住民票はどこで取れますか", ct));
        Assert.Equal(FaqProposalSource.Chat, stored.Source);
        Assert.NotNull(stored.ConversationId);
        Assert.Equal("住民票はどこで取れますか", stored.CitizenQuestion);
        Assert.Equal("市民課の窓口とコンビニで取れます。", stored.ProposedAnswer);
    }
}
