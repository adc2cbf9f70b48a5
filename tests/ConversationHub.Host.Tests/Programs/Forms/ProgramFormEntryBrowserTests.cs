using System.Text.Json;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Host.Tests.DirectLine;
using ConversationHub.Host.Tests.EndToEnd;
using ConversationHub.Host.Tests.Handoff;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ConversationHub.Host.Tests.Programs.Forms;

/// <summary>
/// Issue 19 in a real browser at 1366×768: beside a citizen's web chat conversation an operator fills a program form,
/// sees a Japanese message for a bad phone number, fills the address from the postal code, reads every answer back
/// (復唱) and saves; the entry is stored against the conversation. axe-core checks each step; screenshots are kept.
/// </summary>
public sealed class ProgramFormEntryBrowserTests
{
    [Fact]
    public async Task Operator_FillsFormBesideWebChat_ReadsBackAndSaves()
    {
        // Arrange: a citizen's web chat conversation, a program with a form, the postal data.
        var ct = TestTimeout.Token(300);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, DirectLineHostFixture.Settings(), ct);
        await ProgramFormTestData.LoadPostalCodesAsync(host, ct);
        var program = await ProgramFormTestData.ProgramAsync(host, ct);
        var form = await ProgramFormTestData.FormAsync(host, program, ct);
        using var citizen = new DirectLineTestClient(host.CreateClient());
        await citizen.StartAsync(ct);
        await citizen.SayAsync("マラソンに申し込みたいです", "c-1", ct);
        Guid conversation;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            conversation = await scope.ServiceProvider.GetRequiredService<HubDbContext>().Conversations.AsNoTracking()
                .Where(c => c.Channel == ConversationChannel.WebChat).OrderByDescending(c => c.CreatedAtUtc).Select(c => c.Id).FirstAsync(ct);
        }

        var baseUrl = host.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await StaffSignIn.NewConsolePageAsync(browser);
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        var violations = new List<string>();

        // Act: the operator opens the form beside the conversation and fills it, with a wrong phone number first.
        await StaffSignIn.SignInAsync(page, baseUrl, "operator", "/console");
        await page.GotoAsync(baseUrl + ProgramFormTestData.EntryPath(program, form, conversation), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.Locator("#entry-conversation")).ToContainTextAsync(conversation.ToString());
        await page.FillAsync("#f-name", "若葉 花子");
        await page.FillAsync("#f-kana", "わかば はなこ");
        await page.SelectOptionAsync("#f-birth-era", "昭和");
        await page.FillAsync("#f-birth-year", "50");
        await page.FillAsync("#f-birth-month", "4");
        await page.FillAsync("#f-birth-day", "1");
        await page.FillAsync("#f-phone", "090-1234");
        await page.FillAsync("#f-zip", "9990001");
        await page.GetByRole(AriaRole.Button, new() { Name = "住所を検索" }).ClickAsync();
        await Assertions.Expect(page.Locator("#f-zip-address")).ToHaveValueAsync("北海道若葉台市本町");
        await page.FillAsync("#f-zip-address", "北海道若葉台市本町1-2-3");
        await page.GetByLabel("10km", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("M", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "復唱へ進む" }).ClickAsync();
        var errors = page.Locator("#form-errors");
        await Assertions.Expect(errors).ToContainTextAsync("「電話番号」は0から始まる10桁か11桁の電話番号");
        await Assertions.Expect(page.Locator("#f-phone")).ToHaveAttributeAsync("aria-invalid", "true");
        violations.AddRange(await ChatsConsoleBrowserTests.AxeAsync(page, "entry-error"));
        await page.FillAsync("#f-phone", "090-1234-5678");
        await page.GetByRole(AriaRole.Button, new() { Name = "復唱へ進む" }).ClickAsync();

        // The read-back lists every answer in words; the operator reads it to the caller, then saves.
        var readBack = page.Locator("#read-back");
        await Assertions.Expect(readBack).ToContainTextAsync("ワカバ　ハナコ");
        await Assertions.Expect(readBack).ToContainTextAsync("昭和50年4月1日（西暦1975年）");
        await Assertions.Expect(readBack).ToContainTextAsync("〒999-0001 北海道若葉台市本町1-2-3");
        await Assertions.Expect(readBack).ToContainTextAsync("10km");
        violations.AddRange(await ChatsConsoleBrowserTests.AxeAsync(page, "entry-readback"));
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("program-form-readback.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(page.Locator("#entry-saved")).ToContainTextAsync("保存しました");
        violations.AddRange(await ChatsConsoleBrowserTests.AxeAsync(page, "entry-saved"));
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("program-form-saved.png"), FullPage = true });
        await File.WriteAllTextAsync(Browser.ArtifactPath("../a11y-program-form.json"), JsonSerializer.Serialize(violations), ct);

        // Assert
        await using var check = host.Services.CreateAsyncScope();
        var entry = await check.ServiceProvider.GetRequiredService<HandoffDbContext>().ProgramFormEntries.AsNoTracking().SingleAsync(e => e.FormId == form.FormId, ct);
        Assert.Equal(conversation, entry.ConversationId);
        Assert.Equal("北海道若葉台市本町1-2-3", JsonSerializer.Deserialize<Dictionary<string, string>>(entry.ValuesJson)!["zip.address"]);
        Assert.Empty(violations);
        Assert.Empty(scriptErrors);
    }

    [Fact]
    public async Task Citizen_PublicFormInServiceThenAfterTheEnd_ConfirmsSendsThenSeesTheEndMessage()
    {
        // Arrange: 10:00 in Japan on the program's last day.
        var ct = TestTimeout.Token(300);
        var clock = new TestClock(new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero));
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, ct);
        await using var host = HubHost.Start(database, ownsDatabase: false, TestPii.CreateOptions(),
            new Dictionary<string, string?> { ["Inquiry:MinFillTime"] = "00:00:00" }, services => services.AddSingleton<TimeProvider>(clock));
        var program = await ProgramFormTestData.ProgramAsync(host, ct, endsOn: new DateOnly(2026, 12, 7));
        var form = await ProgramFormTestData.FormAsync(host, program, ct, publicAllowed: true);
        var url = host.ClientOptions.BaseAddress.ToString().TrimEnd('/') + $"/programs/{program.Code}/forms/{form.FormId}";
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await StaffSignIn.NewConsolePageAsync(browser);
        var violations = new List<string>();

        // Act: the citizen fills the form, confirms and sends.
        await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Commit });
        await page.FillAsync("#f-name", "若葉 花子");
        await page.FillAsync("#f-kana", "ワカバ ハナコ");
        await page.SelectOptionAsync("#f-birth-era", "平成");
        await page.FillAsync("#f-birth-year", "元");
        await page.FillAsync("#f-birth-month", "2");
        await page.FillAsync("#f-birth-day", "3");
        await page.FillAsync("#f-phone", "0312345678");
        await page.GetByLabel("5km", new() { Exact = true }).CheckAsync();
        violations.AddRange(await ChatsConsoleBrowserTests.AxeAsync(page, "public-form"));
        await page.GetByRole(AriaRole.Button, new() { Name = "入力内容の確認へ" }).ClickAsync();
        await Assertions.Expect(page.Locator("#read-back")).ToContainTextAsync("平成元年2月3日（西暦1989年）");
        violations.AddRange(await ChatsConsoleBrowserTests.AxeAsync(page, "public-confirm"));
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("program-form-public-confirm.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "送信する" }).ClickAsync();
        await Assertions.Expect(page.Locator("#form-done")).ToContainTextAsync("送信しました");

        // The next day the program has ended: the form is closed with the end message.
        clock.Advance(TimeSpan.FromDays(1));
        await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.Locator("#form-closed")).ToContainTextAsync("市民マラソンの申込受付は終了しました。");
        violations.AddRange(await ChatsConsoleBrowserTests.AxeAsync(page, "public-ended"));
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("program-form-public-ended.png"), FullPage = true });

        // Assert
        Assert.Equal(0, await page.Locator("#public-form").CountAsync());
        Assert.Empty(violations);
    }
}
