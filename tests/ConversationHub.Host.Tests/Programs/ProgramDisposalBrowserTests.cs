using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.EndToEnd;
using ConversationHub.Host.Tests.Handoff;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.Playwright;

namespace ConversationHub.Host.Tests.Programs;

/// <summary>
/// The disposal page in Debian's Chromium at 1366×768: an administrator reads what an ended program holds, confirms
/// with the program's code, and reads the record with its evidence link; axe-core finds no serious or critical
/// violation before or after.
/// </summary>
public sealed class ProgramDisposalBrowserTests
{
    [Fact]
    public async Task Administrator_DisposesOfAnEndedProgram_AccessiblePageAndRecord()
    {
        // Arrange: a program whose service ended yesterday.
        var ct = TestTimeout.Token(180);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, cancellationToken: ct);
        await ProgramSeed.AddAsync(host, "disposalui", -30, -1, ct);
        var baseUrl = host.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await StaffSignIn.NewConsolePageAsync(browser);
        await StaffSignIn.SignInAsync(page, baseUrl, "admin", "/console/programs/disposal?program=disposalui");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "現在保有している個人情報の件数" })).ToBeVisibleAsync();
        Assert.Empty(await ChatsConsoleBrowserTests.AxeAsync(page, "disposal confirmation"));
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("program-disposal-confirm.png"), FullPage = true });

        // Act
        await page.GetByLabel("確認のため、施策コード「disposalui」を入力してください").FillAsync("disposalui");
        await page.GetByRole(AriaRole.Button, new() { Name = "個人情報を廃棄する" }).ClickAsync();

        // Assert
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "廃棄が完了しました" })).ToBeVisibleAsync();
        var record = page.GetByRole(AriaRole.Table, new() { Name = "廃棄記録" });
        await Assertions.Expect(record.GetByRole(AriaRole.Row, new() { Name = "会話記録（チャット・LINE・電話の発言）" })).ToContainTextAsync("0");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "廃棄記録（CSV）をダウンロード" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "個人情報を廃棄する" })).ToHaveCountAsync(0);
        Assert.Empty(await ChatsConsoleBrowserTests.AxeAsync(page, "disposal record"));
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("program-disposal-record.png"), FullPage = true });
    }
}
