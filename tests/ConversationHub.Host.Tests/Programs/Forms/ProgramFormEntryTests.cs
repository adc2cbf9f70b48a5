using System.Net;
using System.Text.Json;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Programs.Forms;
using ConversationHub.Host.Tests.Cases;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Programs.Forms;

/// <summary>
/// 代行入力 (issue 19): an agent fills a form beside a conversation, every field type is checked with a Japanese message
/// (bad input saves nothing), the read-back lists the answers in words, the save links the conversation and its case,
/// a duplicate on the form's keys needs 「重複を承知で保存する」, and entries are audited.
/// </summary>
public abstract class ProgramFormEntryTests(HostFixture fixture)
{
    [Fact]
    public async Task ReadBack_BadInputOfEveryType_JapaneseMessagesNothingSaved()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        var program = await ProgramFormTestData.ProgramAsync(fixture.Host, ct);
        var form = await ProgramFormTestData.FormAsync(fixture.Host, program, ct);
        using var agent = await fixture.Host.SignInAsync("operator", ct);
        List<KeyValuePair<string, string>> bad =
        [
            new("f.name", new string('あ', 21)),
            new("f.kana", "若葉はなこ"),
            new("f.birth.era", "平成"),
            new("f.birth.year", "40"),
            new("f.birth.month", "1"),
            new("f.birth.day", "1"),
            new("f.age", "121"),
            new("f.visit", "2026-02-30"),
            new("f.phone", "12345"),
            new("f.email", "hanako.example.jp"),
            new("f.zip", "12-345"),
            new("f.course", "フル"),
            new("f.shirt", "XL"),
        ];

        // Act
        using var response = await ProgramFormTestData.PostAsync(agent, ProgramFormTestData.EntryPath(program, form), "ReadBack", bad, ct);
        var page = await response.Content.ReadAsStringAsync(ct);
        using var missing = await ProgramFormTestData.PostAsync(agent, ProgramFormTestData.EntryPath(program, form), "Save", [], ct);
        var missingPage = await missing.Content.ReadAsStringAsync(ct);

        // Assert: one message per field, in Japanese; nothing stored.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string[] expected =
        [
            "「氏名」は20文字以内で入力してください。",
            "「フリガナ」は全角カタカナで入力してください",
            "「生年月日」は元号・年・月・日を正しく入力してください",
            "「年齢」は0から120までの数で入力してください。",
            "「来庁日」は正しい日付（例: 2026-04-01）で入力してください。",
            "「電話番号」は0から始まる10桁か11桁の電話番号",
            "「メールアドレス」はメールアドレスの形",
            "「郵便番号」は7桁の郵便番号（例: 123-4567）で入力してください。",
            "「種目」は選択肢から選んでください。",
            "「Tシャツ」は選択肢から選んでください。",
        ];
        Assert.All(expected, message => Assert.Contains(message, page, StringComparison.Ordinal));
        Assert.DoesNotContain("id=\"read-back\"", page, StringComparison.Ordinal);
        Assert.Contains("「氏名」を入力してください。", missingPage, StringComparison.Ordinal);
        Assert.Contains("「種目」を選んでください。", missingPage, StringComparison.Ordinal);
        Assert.Equal(0, await EntriesAsync(form.FormId, ct));
    }

    [Fact]
    public async Task Save_AfterReadBack_StoredWithConversationCaseAndAudit()
    {
        // Arrange: a case made from the conversation, the postal data loaded.
        var ct = TestTimeout.Token(120);
        await ProgramFormTestData.LoadPostalCodesAsync(fixture.Host, ct);
        var program = await ProgramFormTestData.ProgramAsync(fixture.Host, ct);
        var form = await ProgramFormTestData.FormAsync(fixture.Host, program, ct);
        using var agent = await fixture.Host.SignInAsync("operator", ct);
        var conversation = Guid.NewGuid();
        var created = await agent.PostJsonAsync("/api/cases", new { channel = "Voice", conversationId = conversation, @case = new { subject = "マラソン申込" } }, HttpStatusCode.Created, ct);
        var path = ProgramFormTestData.EntryPath(program, form, conversation);

        // Act: read back, then save what the read-back carries.
        using var readBack = await ProgramFormTestData.PostAsync(agent, path, "ReadBack", ProgramFormTestData.GoodAnswers(), ct);
        var readBackPage = WebUtility.HtmlDecode(await readBack.Content.ReadAsStringAsync(ct));
        var carried = ProgramFormTestData.HiddenAnswers(await readBack.Content.ReadAsStringAsync(ct));
        using var saved = await ProgramFormTestData.PostAsync(agent, path, "Save", [.. carried, new("version", "1")], ct);
        var shown = await agent.GetStringAsync(new Uri(saved.Headers.Location!.OriginalString, UriKind.Relative), ct);

        // Assert: the read-back in words (katakana, 和暦, the filled address, choices in order), then the stored entry.
        Assert.Contains("ワカバ　ハナコ", readBackPage, StringComparison.Ordinal);
        Assert.Contains("昭和50年4月1日（西暦1975年）", readBackPage, StringComparison.Ordinal);
        Assert.Contains("〒999-0001 北海道若葉台市本町", readBackPage, StringComparison.Ordinal);
        Assert.Contains("2026年12月7日", readBackPage, StringComparison.Ordinal);
        Assert.Contains("S、M", readBackPage, StringComparison.Ordinal);
        Assert.Contains("090-1234-5678", readBackPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(1, await EntriesAsync(form.FormId, ct));
        Assert.Contains("第1版の様式で受付", shown, StringComparison.Ordinal);
        Assert.Contains(created.GetProperty("number").GetString()!, shown, StringComparison.Ordinal);
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var entry = await scope.ServiceProvider.GetRequiredService<HandoffDbContext>().ProgramFormEntries.AsNoTracking().SingleAsync(e => e.FormId == form.FormId, ct);
        Assert.Equal((conversation, created.GetProperty("id").GetGuid(), ProgramFormEntry.AgentSource), (entry.ConversationId!.Value, entry.CaseId!.Value, entry.Source));
        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(entry.ValuesJson)!;
        Assert.Equal(("ワカバ　ハナコ", "1975-04-01", "北海道若葉台市本町", "S\nM"), (values["kana"], values["birth"], values["zip.address"], values["shirt"]));
        var audit = await scope.ServiceProvider.GetRequiredService<HubDbContext>().AuditLog.AsNoTracking().Where(a => a.Target == "program-form-entry:" + entry.Id).Select(a => a.Action).ToListAsync(ct);
        Assert.Contains(FormAuditActions.EntrySaved, audit);
        Assert.Contains(FormAuditActions.EntryViewed, audit);
    }

    [Fact]
    public async Task Save_SameNameAndBirthDate_WarnsThenSavesOnlyWhenConfirmed()
    {
        // Arrange: one entry for 若葉 花子, 昭和50年4月1日.
        var ct = TestTimeout.Token(120);
        var program = await ProgramFormTestData.ProgramAsync(fixture.Host, ct);
        var form = await ProgramFormTestData.FormAsync(fixture.Host, program, ct);
        using var agent = await fixture.Host.SignInAsync("operator", ct);
        var path = ProgramFormTestData.EntryPath(program, form);
        using var first = await ProgramFormTestData.PostAsync(agent, path, "Save", ProgramFormTestData.GoodAnswers(), ct);

        // Act: the same caller again (blanks differ), then confirmed; another person is not a duplicate.
        var again = ProgramFormTestData.GoodAnswers("若葉花子").With("f.phone", "0312345678");
        using var warned = await ProgramFormTestData.PostAsync(agent, path, "Save", again, ct);
        var warnedPage = await warned.Content.ReadAsStringAsync(ct);
        var countAfterWarning = await EntriesAsync(form.FormId, ct);
        using var confirmed = await ProgramFormTestData.PostAsync(agent, path, "Save", [.. again, new("saveAnyway", "true")], ct);
        using var other = await ProgramFormTestData.PostAsync(agent, path, "Save", ProgramFormTestData.GoodAnswers("若葉 太郎"), ct);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("重複確認キー（氏名・生年月日）が同じ受付がすでに1件あります", warnedPage, StringComparison.Ordinal);
        Assert.Contains("id=\"entry-save-anyway\"", warnedPage, StringComparison.Ordinal);
        Assert.Equal(1, countAfterWarning);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.Equal(3, await EntriesAsync(form.FormId, ct));
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var hashes = await db.ProgramFormEntries.AsNoTracking().Where(e => e.FormId == form.FormId).Select(e => e.DuplicateHash).ToListAsync(ct);
        Assert.Equal(2, hashes.Distinct().Count());
        Assert.All(hashes, h => Assert.DoesNotContain("若葉", h!, StringComparison.Ordinal));
        Assert.True(await scope.ServiceProvider.GetRequiredService<HubDbContext>().AuditLog.AnyAsync(a => a.Action == FormAuditActions.DuplicateSaved, ct));
    }

    [Fact]
    public async Task Pages_ByRole_OnlyAgentsEnterOnlyAdministratorsDefineOnlySupervisorsExport()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        var program = await ProgramFormTestData.ProgramAsync(fixture.Host, ct);
        var form = await ProgramFormTestData.FormAsync(fixture.Host, program, ct);
        using var staff = await fixture.Host.SignInAsync("dept-staff", ct);
        using var agent = await fixture.Host.SignInAsync("operator", ct);
        using var anonymous = fixture.Host.CreateBrowserClient();
        var export = $"/console/programs/forms?program={program.Code}&handler=Export&form={form.FormId}&from=2026-01-01&to=2026-01-31";

        // Act
        using var staffEntry = await staff.GetAsync(new Uri(ProgramFormTestData.EntryPath(program, form), UriKind.Relative), ct);
        using var agentEdit = await agent.GetAsync(new Uri($"/console/programs/forms/edit?program={program.Code}", UriKind.Relative), ct);
        using var agentExport = await agent.GetAsync(new Uri(export, UriKind.Relative), ct);
        using var anonymousList = await anonymous.GetAsync(new Uri($"/console/programs/forms?program={program.Code}", UriKind.Relative), ct);
        var agentList = await agent.GetStringAsync(new Uri($"/console/programs/forms?program={program.Code}", UriKind.Relative), ct);

        // Assert
        Assert.Contains("/account/denied", staffEntry.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("/account/denied", agentEdit.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.True(agentExport.StatusCode is HttpStatusCode.Forbidden || agentExport.Headers.Location?.OriginalString.Contains("/account/denied", StringComparison.Ordinal) == true);
        Assert.Contains("/account/login", anonymousList.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("入力する", agentList, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"export-form\"", agentList, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"form-new\"", agentList, StringComparison.Ordinal);
    }

    private async Task<int> EntriesAsync(Guid formId, CancellationToken ct)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HandoffDbContext>().ProgramFormEntries.CountAsync(e => e.FormId == formId, ct);
    }
}

public sealed class SqliteProgramFormEntryTests(SqliteHostFixture fixture) : ProgramFormEntryTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class PostgresProgramFormEntryTests(PostgresHostFixture fixture) : ProgramFormEntryTests(fixture), IClassFixture<PostgresHostFixture>;
