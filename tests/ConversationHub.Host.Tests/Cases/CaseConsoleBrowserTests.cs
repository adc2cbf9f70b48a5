using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.EndToEnd;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.Playwright;

namespace ConversationHub.Host.Tests.Cases;

/// <summary>
/// The case console in Debian's Chromium at 1366×768, three people on one platform: the operator types in a case by hand
/// (with an administrator's custom field, and an address from the postal look-up), a second one with the same phone shows
/// the duplicate warning, edits it and escalates it to 市民課; 市民課's staff member finds it in the list, writes a reply
/// from a template and asks for approval; the operator has no approve button; 市民課's approver approves and the case is
/// 回答済み with its history. axe-core checks the list and the case page (no serious or critical violations).
/// </summary>
public sealed class CaseConsoleBrowserTests
{
    private const string AxeTags = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']";
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [Fact]
    public async Task Operator_CreatesEscalates_DepartmentReplies_ApproverApproves_CaseAnswered()
    {
        // Arrange: the administrator adds a required choice field 地区 to cases.
        var ct = TestTimeout.Token(300);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, cancellationToken: ct);
        using (var admin = await host.SignInAsync("admin", ct))
        {
            using var field = await admin.PostAsJsonAsync("/api/cases/catalog/fields",
                new { key = "district", label = "地区", type = "Choice", scope = "Case", required = true, choices = new[] { "北部", "南部" }, order = 1 }, ct);
            Assert.True(field.IsSuccessStatusCode, await field.Content.ReadAsStringAsync(ct));
        }

        var baseUrl = host.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var scriptErrors = new List<string>();
        var violations = new List<string>();
        var widths = new List<string>();
        async Task<IPage> SignInAsync(string user)
        {
            var page = await StaffSignIn.NewConsolePageAsync(browser);
            page.PageError += (_, error) => scriptErrors.Add(user + ": " + error);
            await StaffSignIn.SignInAsync(page, baseUrl, user, "/console/cases");
            return page;
        }

        async Task CheckAsync(IPage page, string where)
        {
            violations.AddRange(await AxeAsync(page, where));
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            if (width > 1366)
            {
                widths.Add($"{where}: {width}px");
            }
        }

        // Act 1: the operator's list (empty), then 新規案件 by phone with the custom field and the postal look-up.
        var op = await SignInAsync("operator");
        await Assertions.Expect(op.GetByText("条件に合う案件はありません。")).ToBeVisibleAsync();
        await op.GetByRole(AriaRole.Link, new() { Name = "新規案件" }).ClickAsync();
        await op.WaitForURLAsync("**/console/cases/new");
        await op.RouteAsync("**/api/postal/**", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200,
            ContentType = "application/json",
            Body = """[{"code":"1000001","prefecture":"東京都","city":"千代田区","town":"千代田","address":"東京都千代田区千代田"}]""",
        }));
        await op.GetByLabel("電話", new() { Exact = true }).CheckAsync();
        await op.GetByLabel("分類").SelectOptionAsync(new SelectOptionValue { Label = "\u3000証明書" });
        await op.GetByLabel("問い合わせ種別").SelectOptionAsync(new SelectOptionValue { Label = "手続き" });
        await op.GetByLabel("要折り返し").CheckAsync();
        await op.GetByLabel("件名", new() { Exact = true }).FillAsync("住民票の郵送請求について");
        await op.GetByLabel("問い合わせ内容").FillAsync("遠方に住んでおり、住民票を郵送で取り寄せたい。");
        await op.GetByLabel("氏名", new() { Exact = true }).FillAsync("若葉 花子");
        await op.GetByLabel("フリガナ").FillAsync("ワカバ ハナコ");
        await op.GetByLabel("電話番号").FillAsync("03-1234-5678");
        await op.GetByLabel("メールアドレス").FillAsync("hanako@example.jp");
        await op.GetByLabel("郵便番号").FillAsync("100-0001");
        await op.GetByRole(AriaRole.Button, new() { Name = "住所を検索" }).ClickAsync();
        await Assertions.Expect(op.GetByLabel("住所", new() { Exact = true })).ToHaveValueAsync("東京都千代田区千代田");
        await op.GetByRole(AriaRole.Button, new() { Name = "案件を登録" }).ClickAsync();

        // The required custom field was left empty: the error summary and the field say so, and the input stays.
        await Assertions.Expect(op.Locator(".error-summary")).ToContainTextAsync("「地区」を入力してください。");
        await Assertions.Expect(op.Locator("#cf-district")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(op.GetByLabel("件名", new() { Exact = true })).ToHaveValueAsync("住民票の郵送請求について");
        await op.Locator("#cf-district").SelectOptionAsync("北部");
        await op.GetByRole(AriaRole.Button, new() { Name = "案件を登録" }).ClickAsync();
        await Assertions.Expect(op.Locator(".notice-box")).ToHaveTextAsync("案件を登録しました。");
        var firstUrl = op.Url;
        var firstNumber = (await op.Locator(".case-number").TextContentAsync())!.Trim();
        await Assertions.Expect(op.Locator(".case-meta")).ToContainTextAsync("電話");

        // A second case with the same phone (typed full-width): the duplicate panel links the first and names the field.
        await op.GotoAsync(baseUrl + "/console/cases/new");
        await op.GetByLabel("件名", new() { Exact = true }).FillAsync("住民票の件で再度の問い合わせ");
        await op.GetByLabel("電話番号").FillAsync("０３－１２３４－５６７８");
        await op.Locator("#cf-district").SelectOptionAsync("南部");
        await op.GetByRole(AriaRole.Button, new() { Name = "案件を登録" }).ClickAsync();
        var duplicates = op.GetByRole(AriaRole.Region, new() { Name = "同じ連絡先の案件があります" });
        await Assertions.Expect(duplicates).ToBeVisibleAsync();
        await Assertions.Expect(duplicates.GetByRole(AriaRole.Link, new() { Name = firstNumber })).ToBeVisibleAsync();
        await Assertions.Expect(duplicates).ToContainTextAsync("一致した項目：電話番号");

        // Back on the first case: edit (the history records it), then escalate to 市民課.
        await op.GotoAsync(firstUrl);
        await op.GetByLabel("件名", new() { Exact = true }).FillAsync("住民票の郵送請求（本人分）");
        await op.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(op.Locator(".notice-box")).ToHaveTextAsync("案件の内容を保存しました。");
        var history = op.GetByRole(AriaRole.Table, new() { Name = "この案件の変更履歴（古い順）" });
        await Assertions.Expect(history.Locator("tr").Filter(new() { HasText = "住民票の郵送請求（本人分）" })).ToContainTextAsync("件名");
        await op.ScreenshotAsync(new() { Path = Browser.ArtifactPath("cases-case.png"), FullPage = true });
        await CheckAsync(op, "case(operator)");
        await op.Locator("#escalate-department").SelectOptionAsync(new SelectOptionValue { Label = "市民課" });
        await op.GetByLabel("FAQなし").CheckAsync();
        await op.GetByLabel("担当課へのメッセージ").FillAsync("郵送請求の手続きについて回答をお願いします。");
        await op.GetByRole(AriaRole.Button, new() { Name = "エスカレーションする" }).ClickAsync();
        await Assertions.Expect(op.Locator(".notice-box")).ToHaveTextAsync("担当課へエスカレーションしました。");
        await Assertions.Expect(op.Locator(".case-meta")).ToContainTextAsync("エスカレーション中");
        await Assertions.Expect(op.Locator(".case-meta")).ToContainTextAsync("担当課の対応待ち");
        await Assertions.Expect(op.Locator(".timeline")).ToContainTextAsync("郵送請求の手続きについて回答をお願いします。");
        await op.ScreenshotAsync(new() { Path = Browser.ArtifactPath("cases-escalation.png"), FullPage = true });

        // The operator's list: both cases, the dashboard counts, sorting by number ascending.
        await op.GotoAsync(baseUrl + "/console/cases?sort=number&desc=false");
        var table = op.GetByRole(AriaRole.Table);
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(table.Locator("tbody tr").First).ToContainTextAsync(firstNumber);
        await Assertions.Expect(op.Locator("th[aria-sort=ascending]")).ToContainTextAsync("案件番号");
        await op.ScreenshotAsync(new() { Path = Browser.ArtifactPath("cases-list.png"), FullPage = true });
        await CheckAsync(op, "list(operator)");

        // Act 2: 市民課's staff member sees only the escalated case, writes a reply from a template, asks for approval.
        var staff = await SignInAsync("dept-staff");
        await Assertions.Expect(staff.GetByRole(AriaRole.Table).Locator("tbody tr")).ToHaveCountAsync(1);
        await staff.GetByRole(AriaRole.Link, new() { Name = firstNumber }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Button, new() { Name = "センターに確認を依頼" })).ToBeVisibleAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Button, new() { Name = "センターへ差し戻し" })).ToBeVisibleAsync();
        await Assertions.Expect(staff.GetByLabel("宛先（メールアドレス）")).ToHaveValueAsync("hanako@example.jp");
        await staff.GetByLabel("テンプレート").SelectOptionAsync(new SelectOptionValue { Label = "回答（基本）" });
        await staff.GetByRole(AriaRole.Button, new() { Name = "テンプレートを挿入" }).ClickAsync();
        await Assertions.Expect(staff.Locator("#reply-subject")).ToHaveValueAsync(new Regex($"お問い合わせ（{firstNumber}）への回答"));
        await Assertions.Expect(staff.Locator("#reply-body")).ToHaveValueAsync(new Regex("^若葉 花子 様"));
        var body = (await staff.Locator("#reply-body").InputValueAsync()).Replace("（回答をここに書きます）", "郵送請求の書式を市のホームページに掲載しています。", StringComparison.Ordinal);
        await staff.Locator("#reply-body").FillAsync(body);
        await staff.GetByRole(AriaRole.Button, new() { Name = "承認を依頼" }).ClickAsync();
        await Assertions.Expect(staff.Locator(".notice-box")).ToHaveTextAsync("回答の承認を依頼しました。");
        await Assertions.Expect(staff.Locator(".case-meta")).ToContainTextAsync("承認待ち");
        await Assertions.Expect(staff.GetByRole(AriaRole.Button, new() { Name = "承認して送信" })).ToHaveCountAsync(0);

        // The operator sees the reply waiting but has no approve button.
        await op.GotoAsync(firstUrl);
        await Assertions.Expect(op.Locator(".replies")).ToContainTextAsync("承認待ち");
        await Assertions.Expect(op.GetByRole(AriaRole.Button, new() { Name = "承認して送信" })).ToHaveCountAsync(0);

        // Act 3: 市民課's approver approves.
        var approver = await SignInAsync("approver");
        await approver.GotoAsync(firstUrl);
        var approve = approver.GetByRole(AriaRole.Button, new() { Name = "承認して送信" });
        await Assertions.Expect(approve).ToBeVisibleAsync();
        await CheckAsync(approver, "case(approver)");
        await approve.ClickAsync();
        await Assertions.Expect(approver.Locator(".notice-box")).ToHaveTextAsync("回答を承認し、送信しました。");

        // Assert: 回答済み, the reply approved, the timeline has the sent mail, the history the approval.
        await Assertions.Expect(approver.Locator(".case-meta")).ToContainTextAsync("回答済み");
        await Assertions.Expect(approver.Locator(".replies")).ToContainTextAsync("承認済み");
        await Assertions.Expect(approver.Locator(".timeline")).ToContainTextAsync("送信メール（回答）");
        var approvedHistory = approver.GetByRole(AriaRole.Table, new() { Name = "この案件の変更履歴（古い順）" });
        await Assertions.Expect(approvedHistory).ToContainTextAsync("回答の承認");
        await Assertions.Expect(approvedHistory).ToContainTextAsync("エスカレーション");
        await approver.ScreenshotAsync(new() { Path = Browser.ArtifactPath("cases-approval.png"), FullPage = true });
        await File.WriteAllTextAsync(Browser.ArtifactPath("../a11y-cases.json"), JsonSerializer.Serialize(violations, Indented), ct);
        Assert.True(violations.Count == 0, "serious or critical axe violations:\n" + string.Join("\n", violations));
        Assert.True(widths.Count == 0, "pages wider than 1366px: " + string.Join(", ", widths));
        Assert.Empty(scriptErrors);
    }

    // Serious and critical WCAG 2.1 A/AA violations, one line per node.
    private static async Task<List<string>> AxeAsync(IPage page, string where)
    {
        var path = Path.Combine(Checkout.TryFindRoot() ?? ".", "tests", "js", "node_modules", "axe-core", "axe.min.js");
        Assert.True(File.Exists(path), $"{path} is missing: run `cd tests/js && npm ci`.");
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = path });
        var found = await page.EvaluateAsync<JsonElement>(
            $"async () => (await axe.run(document, {{ runOnly: {{ type: 'tag', values: {AxeTags} }} }})).violations" +
            ".filter(v => v.impact === 'serious' || v.impact === 'critical')" +
            ".flatMap(v => v.nodes.map(n => `${v.id} (${v.impact}) ${n.target.join(' ')} :: ${n.html.slice(0, 160)}`))");
        return [.. found.EnumerateArray().Select(v => where + ": " + v.GetString())];
    }
}
