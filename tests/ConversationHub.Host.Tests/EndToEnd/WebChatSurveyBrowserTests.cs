using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Handoff;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.Playwright;

namespace ConversationHub.Host.Tests.EndToEnd;

/// <summary>
/// After the operator closes, the citizen answers the satisfaction survey in the same Web Chat on a desktop screen: the
/// status bar keeps to the survey (its way out says that the survey is left unanswered) until the last answer, and only
/// then offers 新しく質問する.
/// </summary>
public sealed partial class WebChatHandoffBrowserTests
{
    [Fact]
    public async Task SurveyAnsweredInWebChat_BarStaysOnTheSurvey_UntilItEnds()
    {
        // Arrange: a citizen on a desktop whose chat with an operator has just been closed.
        var ct = TestTimeout.Token(400);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, HandoffSettings.OpenAllDay(), ct);
        await using var agent = await AgentClient.ConnectAsync(host, "operator", ct);
        await AssertOkAsync(agent.AvailableAsync(ct));
        var (playwright, browser, page) = await OpenFaqSiteAsync(host, new ViewportSize { Width = 1366, Height = 768 });
        using var _ = playwright;
        await using var __ = browser;
        await page.ClickAsync("#hub-chat-open");
        var bar = page.Locator("#hub-chat-handoff");
        var barText = page.Locator("#hub-chat-handoff-text");
        var barButton = page.Locator("#hub-chat-handoff-action");
        await SayAsync(page, "オペレーターと話す");
        var conversationId = Guid.Parse(await Eventually.UntilAsync(() => agent.Offers.TryPeek(out var id) ? id.ToString() : null, "an offer", ct));
        await AssertOkAsync(agent.ActAsync("Accept", ct, conversationId));
        await Assertions.Expect(bar).ToHaveAttributeAsync("data-state", "accepted", new LocatorAssertionsToHaveAttributeOptions { Timeout = 30_000 });
        await AssertOkAsync(agent.ActAsync("Close", ct, conversationId, "resolved"));

        // Act: consent, then the first two items (the default survey's age and gender).
        await SeeAsync(page, "アンケート（7問・2分ほど）にご協力いただけますか");
        await Assertions.Expect(bar).ToHaveAttributeAsync("data-state", "survey");
        await Assertions.Expect(barText).ToHaveTextAsync("アンケートにご協力ください（このチャットでお答えいただけます）");
        await Assertions.Expect(barButton).ToHaveTextAsync("回答せずに新しく質問する");
        await ScreenshotAsync(page, "webchat-survey-consent.png");
        var violations = await OurAxeViolationsAsync(page);
        await SayAsync(page, "はい");
        await SeeAsync(page, "年代を教えてください。");
        await SayAsync(page, "30代");
        await SeeAsync(page, "性別を教えてください。");
        await SayAsync(page, "回答しない");
        await SeeAsync(page, "この窓口を何で知りましたか？");

        // Assert: two answers in, the bar still keeps to the survey.
        await Assertions.Expect(bar).ToHaveAttributeAsync("data-state", "survey");
        await Assertions.Expect(barButton).ToHaveTextAsync("回答せずに新しく質問する");
        await ScreenshotAsync(page, "webchat-survey-answering.png");
        violations.AddRange(await OurAxeViolationsAsync(page));

        // Act: the remaining items.
        await SayAsync(page, "市ホームページ");
        await SeeAsync(page, "この窓口をどのくらい利用していますか？");
        await SayAsync(page, "初めて");
        await SeeAsync(page, "今回の対応はいかがでしたか？");
        Assert.Equal("survey", await bar.GetAttributeAsync("data-state"));
        await SayAsync(page, "とても満足");
        await SeeAsync(page, "そう感じた理由をお聞かせください。");
        await SayAsync(page, "説明が丁寧でした");
        await SeeAsync(page, "ご意見・ご要望があればお書きください。");
        Assert.Equal("survey", await bar.GetAttributeAsync("data-state"));
        await SayAsync(page, "特にありません");

        // Assert: the thanks, then a new chat is offered.
        await SeeAsync(page, "アンケートへのご協力ありがとうございました");
        await Assertions.Expect(bar).ToHaveAttributeAsync("data-state", "ended", new LocatorAssertionsToHaveAttributeOptions { Timeout = 30_000 });
        await Assertions.Expect(barButton).ToHaveTextAsync("新しく質問する");
        await ScreenshotAsync(page, "webchat-survey-ended.png");
        violations.AddRange(await OurAxeViolationsAsync(page));
        Assert.True(violations.Count == 0, "axe violations in the status bar:\n" + string.Join("\n", violations));
    }

    private static Task SeeAsync(IPage page, string text) =>
        Assertions.Expect(page.Locator("#hub-chat-panel").GetByText(text, new LocatorGetByTextOptions { Exact = false }).Last)
            .ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
}
