using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.DirectLine;
using ConversationHub.Host.Tests.EndToEnd;
using ConversationHub.Host.Tests.Handoff;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.Playwright;

namespace ConversationHub.Host.Tests.Programs;

/// <summary>
/// Programs in other languages in Debian's Chromium at 1366×768 (issue 19): an administrator enters a program's English
/// texts beside the Japanese; an agent sees an English citizen's language in the queue and the open chat's header. axe-core
/// finds no serious or critical violation; screenshots are kept.
/// </summary>
public sealed class ProgramLanguageBrowserTests
{
    [Fact]
    public async Task Administrator_EntersEnglishTexts_AccessiblePage()
    {
        // Arrange
        var ct = TestTimeout.Token(180);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, cancellationToken: ct);
        await ProgramSeed.AddAsync(host, "textsui", -1, 30, ct, p => p.Languages = "ja,en,zh,ko");
        var baseUrl = host.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await StaffSignIn.NewConsolePageAsync(browser);
        await StaffSignIn.SignInAsync(page, baseUrl, "admin", "/console/programs/edit?program=textsui");
        await page.GetByRole(AriaRole.Link, new() { Name = "他言語の表示（英語・中国語・韓国語）" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "「テスト施策 textsui」の他言語の表示" })).ToBeVisibleAsync();
        Assert.Empty(await ChatsConsoleBrowserTests.AxeAsync(page, "program texts"));
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("program-texts.png"), FullPage = true });

        // Act
        await page.GetByLabel("施策名").FillAsync("Coupon for families");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();

        // Assert
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("英語 Englishの表示を保存しました。");
        await Assertions.Expect(page.GetByLabel("施策名")).ToHaveValueAsync("Coupon for families");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "英語 English（未入力 2 件）" })).ToBeVisibleAsync();
        Assert.Empty(await ChatsConsoleBrowserTests.AxeAsync(page, "program texts saved"));
    }

    [Fact]
    public async Task Agent_SeesTheCitizensLanguage_InTheQueueAndTheChatHeader()
    {
        // Arrange: a citizen in English waits; the agent is signed in.
        var ct = TestTimeout.Token(240);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, HandoffSettings.OpenAllDay(new Dictionary<string, string?> { ["Handoff:Route"] = "false" }), ct);
        await ProgramSeed.AddAsync(host, "badgeui", -1, 30, ct, p => p.Languages = "ja,en");
        var baseUrl = host.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await StaffSignIn.NewConsolePageAsync(browser);
        await ChatsConsolePage.SignInAvailableAsync(page, baseUrl, "operator");
        using var citizen = new DirectLineTestClient(host.CreateClient());
        await ProgramSeed.EnterAsync(citizen, "badgeui", ct);
        await citizen.StartAsync(ct);
        await citizen.PollUntilAsync(a => a.Any(DirectLineTestClient.IsBotMessage), ct);
        await citizen.SayAsync("English", "badge-1", ct);
        await citizen.PollUntilAsync(a => a.Any(x => DirectLineTestClient.TextOf(x).StartsWith("Hello.", StringComparison.Ordinal)), ct);

        // Act
        await citizen.SayAsync("Talk to an operator", "badge-2", ct);
        var queued = page.Locator(".queue-item").Filter(new() { HasText = "英語 English" });
        await Assertions.Expect(queued).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.Empty(await ChatsConsoleBrowserTests.AxeAsync(page, "queue with an English citizen"));
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("console-language-queue.png") });
        await queued.GetByRole(AriaRole.Button, new() { Name = "応答", Exact = true }).ClickAsync();

        // Assert
        await Assertions.Expect(page.Locator("#chat-heading .tag.lang")).ToHaveTextAsync("英語 English", new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("console-language-chat.png") });
    }
}
