using System.Globalization;
using System.Text.Json;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.EndToEnd;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using ConversationHub.VoiceBridge.Simulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ConversationHub.Host.Tests.Cases;

/// <summary>
/// The callback in Debian's Chromium: the operator presses 「折り返し電話（架電）」 on a case, the page shows 発信中 with the
/// button disabled and why, the line is busy, the platform's re-dial reservation appears, the operator moves it with the
/// form, and the team's list shows it. axe-core checks the case page and the list (no serious or critical violations).
/// </summary>
public sealed class CaseCallbackBrowserTests
{
    [Fact]
    public async Task Operator_DialsFromTheCase_BusyThenReservesARedial_ListedForTheTeam()
    {
        // Arrange
        var ct = TestTimeout.Token(240);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, cancellationToken: ct);
        var digits = Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        Guid id;
        string number;
        using (var api = await host.SignInAsync("operator", ct))
        {
            var created = await api.CreateCaseAsync(new { subject = "折り返し希望", contactName = "架電 太郎", contactPhone = $"080-{digits[..4]}-{digits[4..]}" }, ct);
            id = created.GetProperty("id").GetGuid();
            number = created.GetProperty("number").GetString()!;
        }

        var phone = host.Services.GetRequiredService<SimulatedPhone>();
        var baseUrl = host.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await StaffSignIn.NewConsolePageAsync(browser);
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await StaffSignIn.SignInAsync(page, baseUrl, "operator", "/console/cases");

        // Act 1: dial.
        await page.GotoAsync($"{baseUrl}/console/cases/{id}");
        var dial = page.GetByRole(AriaRole.Button, new() { Name = "折り返し電話（架電）" });
        await Assertions.Expect(dial).ToBeEnabledAsync();
        await dial.ClickAsync();

        // Assert 1: 発信中, and the button says why it cannot be pressed again.
        await Assertions.Expect(page.GetByText("発信しました。")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#callback .dialing")).ToContainTextAsync("コールセンター 太郎");
        await Assertions.Expect(dial).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("#callback-why")).ToContainTextAsync("発信中です。結果が出るまでお待ちください。");
        var violations = await AxeAsync(page, "case");

        // Act 2: the line is busy; the platform reserves a re-dial, which the operator moves with the form.
        var call = await Eventually.UntilAsync(() => phone.RingingAt("+8180" + digits) is [var first, ..] ? first : null, "the callback ringing", ct);
        Assert.True(phone.Decline(call, busy: true));
        await Eventually.UntilAsync(async () =>
        {
            await page.ReloadAsync();
            return await page.Locator("#redial-current").TextContentAsync() is { } text && text.Contains("予定：", StringComparison.Ordinal) ? text : null;
        }, "the re-dial reservation", ct);
        await Assertions.Expect(dial).ToBeEnabledAsync();
        var due = DateTime.UtcNow.AddHours(9).AddDays(1).ToString("yyyy-MM-dd'T'10:30", CultureInfo.InvariantCulture);
        await page.GetByLabel("予定日時").FillAsync(due);
        await page.GetByLabel("メモ", new() { Exact = true }).FillAsync("午前中は不在");
        await page.GetByRole(AriaRole.Button, new() { Name = "再架電を予約" }).ClickAsync();

        // Assert 2
        await Assertions.Expect(page.GetByText("再架電を予約しました。")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#redial-current")).ToContainTextAsync(due[..10].Replace('-', '/') + " 10:30");
        await Assertions.Expect(page.Locator(".history-table")).ToContainTextAsync("架電（話し中・拒否）");
        await page.GotoAsync(baseUrl + "/console/cases");
        await page.GetByRole(AriaRole.Link, new() { Name = "再架電予約一覧" }).ClickAsync();
        await page.WaitForURLAsync("**/console/cases/redials");
        var row = page.Locator($"tr[data-case-number='{number}']");
        await Assertions.Expect(row).ToContainTextAsync("午前中は不在");
        violations.AddRange(await AxeAsync(page, "redials"));
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.Empty(scriptErrors);
    }

    private static async Task<List<string>> AxeAsync(IPage page, string where)
    {
        var path = Path.Combine(Checkout.TryFindRoot() ?? ".", "tests", "js", "node_modules", "axe-core", "axe.min.js");
        Assert.True(File.Exists(path), $"{path} is missing: run `cd tests/js && npm ci`.");
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = path });
        var found = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations" +
            ".filter(v => v.impact === 'serious' || v.impact === 'critical')" +
            ".flatMap(v => v.nodes.map(n => `${v.id} (${v.impact}) ${n.target.join(' ')} :: ${n.html.slice(0, 160)}`))");
        return [.. found.EnumerateArray().Select(v => where + ": " + v.GetString())];
    }
}
