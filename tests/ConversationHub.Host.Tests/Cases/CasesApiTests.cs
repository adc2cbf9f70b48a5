using System.Net;
using System.Text;
using System.Text.Json;
using ConversationHub.Core.Identity;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Cases;

/// <summary>One platform with the demo city plus staff of a second department, an approver of the center and an operator who is also an approver.</summary>
public sealed class CasesHostFixture : IAsyncLifetime
{
    public HubHost Host { get; private set; } = null!;

    public Guid CitizensDivision { get; private set; }

    public Guid OtherDepartment { get; private set; }

    public async Task InitializeAsync()
    {
        Host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        CitizensDivision = await CaseTestSupport.DepartmentAsync(Host, CaseTestSupport.CitizensDivision);
        OtherDepartment = await CaseTestSupport.DepartmentAsync(Host, null, except: CaseTestSupport.CitizensDivision);
        await CaseTestSupport.CreateAccountAsync(Host, "dept-b", OtherDepartment, HubRoles.DepartmentStaff);
        await CaseTestSupport.CreateAccountAsync(Host, "approver-b", OtherDepartment, HubRoles.Approver);
        await CaseTestSupport.CreateAccountAsync(Host, "center-approver", null, HubRoles.Approver);
        await CaseTestSupport.CreateAccountAsync(Host, "operator-approver", null, HubRoles.Operator, HubRoles.Approver);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>
/// The cases' API over real HTTP on SQLite: fields and their Japanese validation, encryption at rest, custom fields,
/// duplicates by keyed hash, the status workflow with its history, escalation and the department boundary, replies
/// with approval (never by an operator or the author), optimistic concurrency, search, sort, pages and CSV.
/// </summary>
public sealed class CasesApiTests(CasesHostFixture fixture) : IClassFixture<CasesHostFixture>
{
    private HubHost Host => fixture.Host;

    [Fact]
    public async Task Create_StoresContactEncrypted_AndNumbersTheCase()
    {
        var ct = TestTimeout.Token();
        using var op = await Host.SignInAsync("operator", ct);
        var view = await op.CreateCaseAsync(new
        {
            subject = "児童手当の申請について",
            description = "転入したので児童手当の手続きを知りたい",
            contactName = "暗号 花子",
            contactKana = "アンゴウ ハナコ",
            contactPhone = "０９０－１１１１－２２２２",
            contactEmail = "hanako.angou@example.jp",
            postalCode = "１００－０００１",
            address = "東京都千代田区千代田1-1",
        }, ct);

        Assert.Matches(@"^C-\d{4}-\d{6}$", view.GetProperty("number").GetString());
        Assert.Equal("New", view.GetProperty("status").GetString());
        Assert.Equal("新規", view.GetProperty("statusLabel").GetString());
        Assert.Equal("暗号 花子", view.GetProperty("contactName").GetString());
        Assert.Equal("100-0001", view.GetProperty("postalCode").GetString());
        Assert.Equal("Manual", view.GetProperty("channel").GetString());
        Assert.Equal("operator", (await UserNameAsync(view.GetProperty("createdById").GetGuid())));

        // At rest, none of the personal fields is readable.
        await using var scope = Host.Services.CreateAsyncScope();
        var hub = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var connection = hub.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "ContactName" || "ContactPhone" || "ContactEmail" || "Address" || "Description" || "Subject" FROM handoff_cases WHERE "Id" = @id""";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@id";
        parameter.Value = view.GetProperty("id").GetGuid().ToString().ToUpperInvariant();
        command.Parameters.Add(parameter);
        var raw = (string?)await command.ExecuteScalarAsync(ct) ?? await RawByLowerIdAsync(connection, view.GetProperty("id").GetGuid(), ct);
        Assert.NotNull(raw);
        foreach (var clear in new[] { "暗号", "1111", "hanako", "千代田", "児童手当" })
        {
            Assert.DoesNotContain(clear, raw, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Create_WithInvalidFields_AnswersJapaneseMessages_AndCreatesNothing()
    {
        var ct = TestTimeout.Token();
        using var op = await Host.SignInAsync("operator", ct);
        var before = await CountCasesAsync();
        var problem = await op.PostJsonAsync("/api/cases", new
        {
            channel = "Manual",
            @case = new { contactPhone = "12345", contactEmail = "not-an-address", postalCode = "12-345", contactKana = "yamada", subject = new string('あ', 201) },
        }, HttpStatusCode.BadRequest, ct);

        Assert.Contains("10桁または11桁", CaseTestSupport.ErrorOf(problem, "contactPhone"), StringComparison.Ordinal);
        Assert.Contains("メールアドレスの形式", CaseTestSupport.ErrorOf(problem, "contactEmail"), StringComparison.Ordinal);
        Assert.Contains("7桁", CaseTestSupport.ErrorOf(problem, "postalCode"), StringComparison.Ordinal);
        Assert.Contains("カタカナ", CaseTestSupport.ErrorOf(problem, "contactKana"), StringComparison.Ordinal);
        Assert.Contains("200文字以内", CaseTestSupport.ErrorOf(problem, "subject"), StringComparison.Ordinal);
        Assert.Equal(before, await CountCasesAsync());

        var channel = await op.PostJsonAsync("/api/cases", new { channel = "Line", @case = new { } }, HttpStatusCode.BadRequest, ct);
        Assert.Contains("Manual", CaseTestSupport.ErrorOf(channel, "channel"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CustomFields_DefinedByAnAdministrator_AreCheckedAndKept()
    {
        var ct = TestTimeout.Token();
        using var admin = await Host.SignInAsync("admin", ct);
        using var op = await Host.SignInAsync("operator", ct);
        var key = "household_" + Guid.NewGuid().ToString("N")[..6];
        await op.PostJsonAsync("/api/cases/catalog/fields", new { key, label = "世帯人数", type = "Number", required = true }, HttpStatusCode.Forbidden, ct);
        var field = await admin.PostJsonAsync("/api/cases/catalog/fields", new { key, label = "世帯人数", type = "Number", required = true }, HttpStatusCode.OK, ct);
        var choiceKey = "visit_" + Guid.NewGuid().ToString("N")[..6];
        await admin.PostJsonAsync("/api/cases/catalog/fields", new { key = choiceKey, label = "来庁方法", type = "MultiChoice", choices = new[] { "徒歩", "バス", "車" } }, HttpStatusCode.OK, ct);
        var badDefinition = await admin.PostJsonAsync("/api/cases/catalog/fields", new { key = "Bad Key", label = "", type = "Choice" }, HttpStatusCode.BadRequest, ct);
        Assert.Contains("key", badDefinition.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Contains("choices", badDefinition.GetProperty("errors").EnumerateObject().Select(p => p.Name));

        try
        {
            var missing = await op.PostJsonAsync("/api/cases", new { @case = new { subject = "カスタム項目" } }, HttpStatusCode.BadRequest, ct);
            Assert.Equal("「世帯人数」を入力してください。", CaseTestSupport.ErrorOf(missing, $"customFields.{key}"));
            var wrong = await op.PostJsonAsync("/api/cases", new
            {
                @case = new { customFields = new Dictionary<string, object> { [key] = "三人", [choiceKey] = new[] { "飛行機" }, ["nope"] = "x" } },
            }, HttpStatusCode.BadRequest, ct);
            Assert.Equal("「世帯人数」は数値で入力してください。", CaseTestSupport.ErrorOf(wrong, $"customFields.{key}"));
            Assert.Equal("「来庁方法」は選択肢から選んでください。", CaseTestSupport.ErrorOf(wrong, $"customFields.{choiceKey}"));
            Assert.Equal("この項目はありません。", CaseTestSupport.ErrorOf(wrong, "customFields.nope"));

            var created = await op.CreateCaseAsync(new { customFields = new Dictionary<string, object> { [key] = "３", [choiceKey] = new[] { "バス", "徒歩" } } }, ct);
            var custom = created.GetProperty("customFields");
            Assert.Equal(3m, custom.GetProperty(key).GetDecimal());
            Assert.Equal(["バス", "徒歩"], custom.GetProperty(choiceKey).EnumerateArray().Select(v => v.GetString()));
        }
        finally
        {
            // Retire the required field so the other tests' cases do not need it.
            await admin.PutJsonAsync($"/api/cases/catalog/fields/{field.GetProperty("id").GetGuid()}", new { label = "世帯人数", isActive = false }, HttpStatusCode.OK, ct);
        }
    }

    [Fact]
    public async Task SameContactTypedDifferently_IsShownAsAPossibleDuplicate()
    {
        var ct = TestTimeout.Token();
        using var op = await Host.SignInAsync("operator", ct);
        var phone = "03" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var first = await op.CreateCaseAsync(new { subject = "一件目", contactName = "重複 太郎", contactPhone = phone }, ct);
        var fullWidth = string.Concat(phone.Select(c => (char)(c - '0' + '０'))).Insert(2, "－");
        var second = await op.CreateCaseAsync(new { subject = "二件目", contactName = "別人 次郎", contactPhone = fullWidth, contactEmail = "Jiro.Betsu@Example.jp" }, ct);

        var duplicates = second.GetProperty("duplicates").EnumerateArray().ToList();
        var match = Assert.Single(duplicates, d => d.GetProperty("id").GetGuid() == first.GetProperty("id").GetGuid());
        Assert.Equal(["電話番号"], match.GetProperty("matches").EnumerateArray().Select(m => m.GetString()));

        var probe = await op.PostJsonAsync("/api/cases/duplicates", new { contactName = "重複　太郎", contactEmail = "jiro.betsu@example.jp" }, HttpStatusCode.OK, ct);
        var found = probe.EnumerateArray().ToDictionary(d => d.GetProperty("number").GetString()!, d => d.GetProperty("matches").EnumerateArray().Select(m => m.GetString()).ToList());
        Assert.Equal(["氏名"], found[first.GetProperty("number").GetString()!]);
        Assert.Equal(["メールアドレス"], found[second.GetProperty("number").GetString()!]);

        // A whole address or phone number is found through its keyed hash, however it is written.
        var byEmail = await op.GetJsonAsync("/api/cases?q=JIRO.BETSU@example.jp", HttpStatusCode.OK, ct);
        Assert.Equal(second.GetProperty("id").GetGuid(), Assert.Single(byEmail.GetProperty("rows").EnumerateArray()).GetProperty("id").GetGuid());
        var byPhone = await op.GetJsonAsync($"/api/cases?q={Uri.EscapeDataString(fullWidth)}&sort=number&desc=false", HttpStatusCode.OK, ct);
        Assert.Equal([first.GetProperty("number").GetString(), second.GetProperty("number").GetString()], byPhone.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("number").GetString()));
    }

    [Fact]
    public async Task Escalation_Answer_Approval_FollowTheRules_AndEveryStepIsInTheHistory()
    {
        var ct = TestTimeout.Token();
        using var op = await Host.SignInAsync("operator", ct);
        using var dept = await Host.SignInAsync("dept-staff", ct);
        using var deptB = await Host.SignInAsync("dept-b", ct);
        using var approver = await Host.SignInAsync("approver", ct);
        using var approverB = await Host.SignInAsync("approver-b", ct);
        using var opApprover = await Host.SignInAsync("operator-approver", ct);
        var created = await op.CreateCaseAsync(new { subject = "住民票の郵送請求", contactName = "承認 一郎", contactEmail = "ichiro.shounin@example.jp" }, ct);
        var id = created.GetProperty("id").GetGuid();

        // Not yet escalated: the departments do not see it.
        await dept.GetJsonAsync($"/api/cases/{id}", HttpStatusCode.NotFound, ct);
        var noReason = await op.PostJsonAsync($"/api/cases/{id}/escalate", new { departmentId = fixture.CitizensDivision, reasons = Array.Empty<string>() }, HttpStatusCode.BadRequest, ct);
        Assert.Equal("エスカレーションの理由を1つ以上選んでください。", CaseTestSupport.ErrorOf(noReason, "reasons"));
        await dept.PostJsonAsync($"/api/cases/{id}/escalate", new { departmentId = fixture.CitizensDivision, reasons = new[] { "personal_data" } }, HttpStatusCode.Forbidden, ct);
        var escalated = await op.PostJsonAsync($"/api/cases/{id}/escalate",
            new { departmentId = fixture.CitizensDivision, reasons = new[] { "personal_data", "administrative_judgement" }, message = "郵送請求の可否をご確認ください" }, HttpStatusCode.OK, ct);
        Assert.Equal("Escalated", escalated.GetProperty("status").GetString());
        Assert.Equal("department", escalated.GetProperty("awaitingSide").GetString());

        // Department A sees it; department B neither reads, lists, exports nor acts on it.
        var seen = await dept.GetJsonAsync($"/api/cases/{id}", HttpStatusCode.OK, ct);
        Assert.True(seen.GetProperty("can").GetProperty("departmentSteps").GetBoolean());
        await deptB.GetJsonAsync($"/api/cases/{id}", HttpStatusCode.NotFound, ct);
        await deptB.PostJsonAsync($"/api/cases/{id}/notes", new { text = "見えないはず" }, HttpStatusCode.NotFound, ct);
        var listB = await deptB.GetJsonAsync("/api/cases?pageSize=200", HttpStatusCode.OK, ct);
        Assert.DoesNotContain(listB.GetProperty("rows").EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
        var listA = await dept.GetJsonAsync("/api/cases?pageSize=200", HttpStatusCode.OK, ct);
        Assert.Contains(listA.GetProperty("rows").EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
        Assert.All(listA.GetProperty("rows").EnumerateArray(), r => Assert.Equal(fixture.CitizensDivision, r.GetProperty("departmentId").GetGuid()));
        var waitingForDepartment = await op.GetJsonAsync("/api/cases?awaiting=department&pageSize=200", HttpStatusCode.OK, ct);
        Assert.Contains(waitingForDepartment.GetProperty("rows").EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
        var waitingForCenter = await op.GetJsonAsync("/api/cases?awaiting=center&pageSize=200", HttpStatusCode.OK, ct);
        Assert.DoesNotContain(waitingForCenter.GetProperty("rows").EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);

        // The department asks for information; the center answers; the department writes the reply.
        await dept.PostJsonAsync($"/api/cases/{id}/info-request", new { text = "本人確認書類の有無を確認してください" }, HttpStatusCode.OK, ct);
        await op.PostJsonAsync($"/api/cases/{id}/department-message", new { text = "運転免許証の写しがあります" }, HttpStatusCode.OK, ct);
        await op.PostJsonAsync($"/api/cases/{id}/info-request", new { text = "センターは依頼できない" }, HttpStatusCode.Forbidden, ct);
        var submitted = await dept.PostJsonAsync($"/api/cases/{id}/replies", new { subject = "住民票の郵送請求について", body = "承認 一郎 様\n\n郵送で請求できます。" }, HttpStatusCode.OK, ct);
        Assert.Equal("AwaitingApproval", submitted.GetProperty("status").GetString());
        var reply = submitted.GetProperty("replies").EnumerateArray().Single();
        var replyId = reply.GetProperty("id").GetGuid();
        Assert.Equal("ichiro.shounin@example.jp", reply.GetProperty("to").GetString());
        await dept.PostJsonAsync($"/api/cases/{id}/replies", new { subject = "二通目", body = "二通目" }, HttpStatusCode.Conflict, ct);

        // Nobody but an approver of the department or of the center approves; an operator never does.
        await op.PostJsonAsync($"/api/cases/{id}/replies/{replyId}/approve", new { }, HttpStatusCode.Forbidden, ct);
        await opApprover.PostJsonAsync($"/api/cases/{id}/replies/{replyId}/approve", new { }, HttpStatusCode.Forbidden, ct);
        await dept.PostJsonAsync($"/api/cases/{id}/replies/{replyId}/approve", new { }, HttpStatusCode.Forbidden, ct);
        await approverB.PostJsonAsync($"/api/cases/{id}/replies/{replyId}/approve", new { }, HttpStatusCode.NotFound, ct);
        var pending = await approver.GetJsonAsync($"/api/cases/{id}", HttpStatusCode.OK, ct);
        Assert.True(pending.GetProperty("replies")[0].GetProperty("canDecide").GetBoolean());
        var answered = await approver.PostJsonAsync($"/api/cases/{id}/replies/{replyId}/approve", new { }, HttpStatusCode.OK, ct);
        Assert.Equal("Answered", answered.GetProperty("status").GetString());
        Assert.Equal("Approved", answered.GetProperty("replies")[0].GetProperty("state").GetString());
        Assert.Contains(answered.GetProperty("entries").EnumerateArray(), e => e.GetProperty("kind").GetString() == "OutboundMail" && e.GetProperty("mailId").ValueKind == JsonValueKind.String);
        await approver.PostJsonAsync($"/api/cases/{id}/replies/{replyId}/approve", new { }, HttpStatusCode.Conflict, ct);

        var actions = answered.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()).ToList();
        Assert.Equal(["created", "escalated", "escalated", "info_requested", "center_message", "reply_submitted", "reply_approved"], actions);
        var statusChange = answered.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("承認待ち", StatusLabel(statusChange.GetProperty("before").GetString()!));
        Assert.Equal("approver", await UserNameAsync(statusChange.GetProperty("actorId").GetGuid()));
        var department = answered.GetProperty("history")[1];
        Assert.Equal("departmentId", department.GetProperty("field").GetString());
        Assert.Equal("市民課", department.GetProperty("after").GetString());
    }

    [Fact]
    public async Task RejectedReply_ReturnsToItsAuthor_AndTheAuthorCannotApproveTheirOwn()
    {
        var ct = TestTimeout.Token();
        using var op = await Host.SignInAsync("operator", ct);
        using var centerApprover = await Host.SignInAsync("center-approver", ct);
        var id = (await op.CreateCaseAsync(new { subject = "差し戻しの確認", contactEmail = "reject@example.jp" }, ct)).GetProperty("id").GetGuid();
        var submitted = await op.PostJsonAsync($"/api/cases/{id}/replies", new { subject = "回答", body = "本文" }, HttpStatusCode.OK, ct);
        var replyId = submitted.GetProperty("replies")[0].GetProperty("id").GetGuid();
        var noReason = await centerApprover.PostJsonAsync($"/api/cases/{id}/replies/{replyId}/reject", new { reason = " " }, HttpStatusCode.BadRequest, ct);
        Assert.Equal("内容を入力してください。", CaseTestSupport.ErrorOf(noReason, "reason"));
        var rejected = await centerApprover.PostJsonAsync($"/api/cases/{id}/replies/{replyId}/reject", new { reason = "敬語を直してください" }, HttpStatusCode.OK, ct);
        Assert.Equal("InProgress", rejected.GetProperty("status").GetString());
        Assert.Equal("敬語を直してください", rejected.GetProperty("replies")[0].GetProperty("rejectionReason").GetString());

        // An approver who writes a reply cannot approve it.
        await CaseTestSupport.CreateAccountAsync(Host, "writer-approver", null, HubRoles.Supervisor, HubRoles.Approver);
        using var writer = await Host.SignInAsync("writer-approver", ct);
        var own = await writer.PostJsonAsync($"/api/cases/{id}/replies", new { subject = "回答（修正）", body = "本文（修正）" }, HttpStatusCode.OK, ct);
        var ownId = own.GetProperty("replies").EnumerateArray().Last().GetProperty("id").GetGuid();
        await writer.PostJsonAsync($"/api/cases/{id}/replies/{ownId}/approve", new { }, HttpStatusCode.Forbidden, ct);
        await centerApprover.PostJsonAsync($"/api/cases/{id}/replies/{ownId}/approve", new { }, HttpStatusCode.OK, ct);
    }

    [Fact]
    public async Task StaleEdit_IsRefused_AndStatusMovesFollowTheRules()
    {
        var ct = TestTimeout.Token();
        using var op = await Host.SignInAsync("operator", ct);
        using var supervisor = await Host.SignInAsync("supervisor", ct);
        var created = await op.CreateCaseAsync(new { subject = "同時編集", contactName = "同時 三郎" }, ct);
        var id = created.GetProperty("id").GetGuid();
        var version = created.GetProperty("version").GetInt32();
        var edited = await op.PutJsonAsync($"/api/cases/{id}", new { version, @case = new { subject = "同時編集（修正）", contactName = "同時 三郎", contactPhone = "0312345678" } }, HttpStatusCode.OK, ct);
        var stale = await supervisor.PutJsonAsync($"/api/cases/{id}", new { version, @case = new { subject = "上書き" } }, HttpStatusCode.Conflict, ct);
        Assert.Contains("ほかの人がこの案件を先に更新しました", stale.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var history = edited.GetProperty("history").EnumerateArray().Where(h => h.GetProperty("action").GetString() == "updated").ToList();
        Assert.Equal(["subject", "contactPhone"], history.Select(h => h.GetProperty("field").GetString()));
        Assert.Equal("同時編集", history[0].GetProperty("before").GetString());
        Assert.Equal("同時編集（修正）", history[0].GetProperty("after").GetString());

        var wrong = await op.PostJsonAsync($"/api/cases/{id}/status", new { status = "Answered" }, HttpStatusCode.Conflict, ct);
        Assert.Equal("状態を「新規」から「回答済み」には変更できません。", wrong.GetProperty("detail").GetString());
        await op.PostJsonAsync($"/api/cases/{id}/status", new { status = "Completed" }, HttpStatusCode.OK, ct);
        var reopened = await op.PostJsonAsync($"/api/cases/{id}/status", new { status = "InProgress" }, HttpStatusCode.OK, ct);
        Assert.Equal("reopened", reopened.GetProperty("history").EnumerateArray().Last().GetProperty("action").GetString());
        Assert.Equal(JsonValueKind.Null, reopened.GetProperty("completedAtUtc").ValueKind);
    }

    [Fact]
    public async Task List_SearchesAnyField_SortsEveryColumn_AndPages()
    {
        var ct = TestTimeout.Token();
        using var op = await Host.SignInAsync("operator", ct);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var phone = "06" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var names = new[] { "検索 いろは", "検索 あいう", "検索 うえお" };
        var numbers = new List<string>();
        foreach (var name in names)
        {
            numbers.Add((await op.CreateCaseAsync(new { subject = $"検索テスト {tag}", contactName = name, description = $"本文に {tag} を含む", contactPhone = name == names[1] ? phone : null }, ct))
                .GetProperty("number").GetString()!);
        }

        var byText = await op.GetJsonAsync($"/api/cases?q={tag}&sort=contactName&desc=false", HttpStatusCode.OK, ct);
        Assert.Equal(3, byText.GetProperty("total").GetInt32());
        Assert.Equal(["検索 あいう", "検索 いろは", "検索 うえお"], byText.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("contactName").GetString()));
        var byPhone = await op.GetJsonAsync($"/api/cases?q={phone[..2]}-{phone[2..6]}-{phone[6..]}", HttpStatusCode.OK, ct);
        Assert.Equal("検索 あいう", Assert.Single(byPhone.GetProperty("rows").EnumerateArray()).GetProperty("contactName").GetString());
        var byNumber = await op.GetJsonAsync($"/api/cases?q={numbers[2]}", HttpStatusCode.OK, ct);
        Assert.Equal(numbers[2], Assert.Single(byNumber.GetProperty("rows").EnumerateArray()).GetProperty("number").GetString());
        var page2 = await op.GetJsonAsync($"/api/cases?q={tag}&sort=number&desc=false&pageSize=2&page=2", HttpStatusCode.OK, ct);
        Assert.Equal(numbers[2], Assert.Single(page2.GetProperty("rows").EnumerateArray()).GetProperty("number").GetString());
        foreach (var column in new[] { "number", "status", "channel", "createdAt", "updatedAt", "category", "inquiryType", "subject", "contactName", "department", "assignee" })
        {
            await op.GetJsonAsync($"/api/cases?sort={column}&desc=true&q={tag}", HttpStatusCode.OK, ct);
        }

        var bad = await op.GetJsonAsync("/api/cases?from=2026-13-01&status=Lost&sort=shoeSize&page=0&awaiting=me", HttpStatusCode.BadRequest, ct);
        Assert.Equal(["awaiting", "from", "page", "sort", "status"], bad.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var dashboard = await op.GetJsonAsync("/api/cases/dashboard", HttpStatusCode.OK, ct);
        Assert.True(dashboard.GetProperty("byStatus").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "New").GetProperty("count").GetInt32() >= 3);
    }

    [Fact]
    public async Task Export_WritesUtf8WithBom_OrShiftJis_OnlyWhatTheUserMaySee()
    {
        var ct = TestTimeout.Token();
        using var op = await Host.SignInAsync("operator", ct);
        using var deptB = await Host.SignInAsync("dept-b", ct);
        var tag = "出力" + Guid.NewGuid().ToString("N")[..6];
        var created = await op.CreateCaseAsync(new { subject = $"=SUM(A1) {tag}", contactName = "髙橋 𠮷子" }, ct);
        var number = created.GetProperty("number").GetString()!;

        using var utf8 = await op.GetAsync(new Uri($"/api/cases/export?encoding=utf8&q={Uri.EscapeDataString(tag)}", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, utf8.StatusCode);
        Assert.Equal("text/csv", utf8.Content.Headers.ContentType!.MediaType);
        var bytes = await utf8.Content.ReadAsByteArrayAsync(ct);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("案件番号,状態,受付チャネル,受付日時,更新日時,分類,問い合わせ種別,件名,氏名,担当課,担当者,担当チーム", lines[0]);
        var row = Assert.Single(lines[1..]);
        Assert.StartsWith($"{number},新規,手入力,", row, StringComparison.Ordinal);
        Assert.Contains($"'=SUM(A1) {tag}", row, StringComparison.Ordinal);
        Assert.Contains("髙橋 𠮷子", row, StringComparison.Ordinal);

        using var sjis = await op.GetAsync(new Uri($"/api/cases/export?encoding=sjis&q={Uri.EscapeDataString(tag)}", UriKind.Relative), ct);
        Assert.Equal("shift_jis", sjis.Content.Headers.ContentType!.CharSet);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = Encoding.GetEncoding(932).GetString(await sjis.Content.ReadAsByteArrayAsync(ct));
        Assert.StartsWith("案件番号,状態", text, StringComparison.Ordinal);
        Assert.Contains($"{number},新規,手入力,", text, StringComparison.Ordinal);
        Assert.Contains("髙橋", text, StringComparison.Ordinal);

        using var other = await deptB.GetAsync(new Uri($"/api/cases/export?q={Uri.EscapeDataString(tag)}", UriKind.Relative), ct);
        var otherLines = (await other.Content.ReadAsStringAsync(ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(otherLines);
        var badEncoding = await op.GetJsonAsync("/api/cases/export?encoding=latin1", HttpStatusCode.BadRequest, ct);
        Assert.Contains("utf8", CaseTestSupport.ErrorOf(badEncoding, "encoding"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "GET", "/api/cases", HttpStatusCode.Unauthorized)]
    [InlineData("faq-editor", "GET", "/api/cases", HttpStatusCode.Forbidden)]
    [InlineData("admin", "GET", "/api/cases", HttpStatusCode.Forbidden)]
    [InlineData("dept-staff", "GET", "/api/cases", HttpStatusCode.OK)]
    [InlineData("approver", "GET", "/api/cases/dashboard", HttpStatusCode.OK)]
    [InlineData("dept-staff", "POST", "/api/cases", HttpStatusCode.Forbidden)]
    [InlineData("approver", "POST", "/api/cases", HttpStatusCode.Forbidden)]
    [InlineData(null, "GET", "/api/cases/export", HttpStatusCode.Unauthorized)]
    [InlineData("operator", "POST", "/api/cases/catalog/categories", HttpStatusCode.Forbidden)]
    [InlineData("operator", "POST", "/api/cases/catalog/templates", HttpStatusCode.Forbidden)]
    [InlineData("supervisor", "DELETE", "/api/cases/catalog/templates/00000000-0000-0000-0000-000000000001", HttpStatusCode.NotFound)]
    [InlineData("operator", "GET", "/api/cases/00000000-0000-0000-0000-000000000001", HttpStatusCode.NotFound)]
    [InlineData("dept-staff", "POST", "/api/cases/00000000-0000-0000-0000-000000000001/escalate", HttpStatusCode.Forbidden)]
    [InlineData("operator", "POST", "/api/cases/00000000-0000-0000-0000-000000000001/replies/00000000-0000-0000-0000-000000000002/approve", HttpStatusCode.Forbidden)]
    [InlineData("approver", "POST", "/api/cases/00000000-0000-0000-0000-000000000001/replies/00000000-0000-0000-0000-000000000002/approve", HttpStatusCode.NotFound)]
    public async Task Endpoint_AnswersByRole(string? user, string method, string path, HttpStatusCode expected)
    {
        var ct = TestTimeout.Token();
        using var client = user is null ? Host.CreateBrowserClient() : await Host.SignInAsync(user, ct);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method is "POST" or "PUT")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request, ct);
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Categories_AreATree_AndTheFilterIncludesChildren()
    {
        var ct = TestTimeout.Token();
        using var admin = await Host.SignInAsync("admin", ct);
        using var op = await Host.SignInAsync("operator", ct);
        var parent = await admin.PostJsonAsync("/api/cases/catalog/categories", new { name = "テスト分類" + Guid.NewGuid().ToString("N")[..4] }, HttpStatusCode.OK, ct);
        var child = await admin.PostJsonAsync("/api/cases/catalog/categories", new { name = "子分類", parentId = parent.GetProperty("id").GetGuid() }, HttpStatusCode.OK, ct);
        var loop = await admin.PutJsonAsync($"/api/cases/catalog/categories/{parent.GetProperty("id").GetGuid()}",
            new { name = "ループ", parentId = child.GetProperty("id").GetGuid() }, HttpStatusCode.BadRequest, ct);
        Assert.Contains("parentId", loop.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        var created = await op.CreateCaseAsync(new { subject = "分類の確認", categoryId = child.GetProperty("id").GetGuid() }, ct);
        Assert.EndsWith("› 子分類", created.GetProperty("category").GetString(), StringComparison.Ordinal);
        var filtered = await op.GetJsonAsync($"/api/cases?categoryId={parent.GetProperty("id").GetGuid()}", HttpStatusCode.OK, ct);
        Assert.Equal(created.GetProperty("id").GetGuid(), Assert.Single(filtered.GetProperty("rows").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task FromChat_AttachesTheTranscript_AndTheFaqTheBotAnswered()
    {
        var ct = TestTimeout.Token();
        using var citizen = new DirectLine.DirectLineTestClient(Host.CreateClient());
        await citizen.StartAsync(ct);
        await citizen.SayAsync("住民票の写しを取りたい", "fc-1", ct);
        var (activities, _) = await citizen.PollUntilAsync(a => a.Any(x => DirectLine.DirectLineTestClient.IsBotMessage(x) && x.TryGetProperty("channelData", out var data) && data.TryGetProperty("hub:faqId", out _)), ct);
        var answered = activities.Last(x => x.TryGetProperty("channelData", out var data) && data.TryGetProperty("hub:faqId", out _));
        var faqId = answered.GetProperty("channelData").GetProperty("hub:faqId").GetString();

        using var op = await Host.SignInAsync("operator", ct);
        using var supervisor = await Host.SignInAsync("supervisor", ct);
        // Not the operator's chat: only its agent or a supervisor makes a case of it.
        await op.PostJsonAsync($"/api/cases/from-chat/{citizen.ConversationId}", new { }, HttpStatusCode.Forbidden, ct);
        await supervisor.PostJsonAsync($"/api/cases/from-chat/{Guid.NewGuid()}", new { }, HttpStatusCode.NotFound, ct);
        var created = await supervisor.PostJsonAsync($"/api/cases/from-chat/{citizen.ConversationId}", new { contactEmail = "chat.citizen@example.jp" }, HttpStatusCode.Created, ct);

        Assert.Equal("WebChat", created.GetProperty("channel").GetString());
        Assert.Equal(citizen.ConversationId, created.GetProperty("conversationId").GetString());
        Assert.Equal(faqId, created.GetProperty("sourceFaqId").GetString());
        Assert.Equal("住民票の写しを取りたい", created.GetProperty("description").GetString());
        var transcript = Assert.Single(created.GetProperty("entries").EnumerateArray(), e => e.GetProperty("kind").GetString() == "Transcript");
        Assert.Contains("市民: 住民票の写しを取りたい", transcript.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("ボット: ", transcript.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    private static string StatusLabel(string status) => status switch
    {
        "AwaitingApproval" => "承認待ち",
        _ => status,
    };

    private async Task<int> CountCasesAsync()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var hub = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var connection = hub.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM handoff_cases";
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<string?> UserNameAsync(Guid id)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var hub = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        return await hub.Users.Where(u => u.Id == id).Select(u => u.UserName).SingleAsync();
    }

    private static async Task<string?> RawByLowerIdAsync(System.Data.Common.DbConnection connection, Guid id, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "ContactName" || "ContactPhone" || "ContactEmail" || "Address" || "Description" || "Subject" FROM handoff_cases WHERE lower("Id") = @id""";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@id";
        parameter.Value = id.ToString();
        command.Parameters.Add(parameter);
        return (string?)await command.ExecuteScalarAsync(ct);
    }
}
