using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ConversationHub.Faq.Persistence;
using ConversationHub.Host.Tests.Cases;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.FaqEditor;

/// <summary>
/// An FAQ's owning departments decide who else edits it: department staff (dept-staff, 100100 市民課) edit, unpublish
/// and retire only their department's FAQs and never publish; editors and administrators edit all. Every change is
/// in the history with who made it.
/// </summary>
public abstract class FaqOwnershipTests(HostFixture fixture)
{
    private HubHost Host => fixture.Host;

    private static object Faq(string question, Guid[] departmentIds, int? expectedRevision = null) => new
    {
        question,
        answerMarkdown = "所管課のテスト用の回答です。",
        visibility = "Public",
        departmentIds,
        changeNote = "所管のテスト",
        expectedRevision,
    };

    private async Task<(Guid Own, Guid Other)> DepartmentsAsync(CancellationToken ct) =>
        (await CaseConsoleTestData.DepartmentIdAsync(Host, "100100", ct), await CaseConsoleTestData.DepartmentIdAsync(Host, "200100", ct));

    private static async Task<Guid> CreateAsync(HttpClient client, object faq, CancellationToken ct)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/api/faq/faqs", UriKind.Relative), faq, ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"create: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
    }

    private async Task<int> RevisionCountAsync(Guid faqId, CancellationToken ct)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FaqDbContext>().Revisions.CountAsync(r => r.FaqId == faqId, ct);
    }

    [Fact]
    public async Task DepartmentStaff_EditsAndRetiresOwnFaq_WithHistory_ButDoesNotPublish()
    {
        var ct = TestTimeout.Token(60);
        var (own, _) = await DepartmentsAsync(ct);
        using var staff = await Host.SignInAsync("dept-staff", ct);
        using var editor = await Host.SignInAsync("faq-editor", ct);

        var id = await CreateAsync(staff, Faq($"市民課の質問 {Guid.NewGuid():N}", [own]), ct);
        using var edited = await staff.PutAsJsonAsync(new Uri($"/api/faq/faqs/{id}", UriKind.Relative), Faq("市民課が直した質問", [own], 1), ct);
        using var publish = await staff.PostAsJsonAsync(new Uri($"/api/faq/faqs/{id}/publish", UriKind.Relative), new { expectedRevision = 2 }, ct);
        using var published = await editor.PostAsJsonAsync(new Uri($"/api/faq/faqs/{id}/publish", UriKind.Relative), new { expectedRevision = 2 }, ct);
        using var archived = await staff.PostAsJsonAsync(new Uri($"/api/faq/faqs/{id}/archive", UriKind.Relative), new { expectedRevision = 3 }, ct);

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, publish.StatusCode);
        Assert.Contains("may not publish", await publish.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal(HttpStatusCode.OK, archived.StatusCode);
        var revisions = await editor.GetFromJsonAsync<JsonElement>(new Uri($"/api/faq/faqs/{id}/revisions", UriKind.Relative), ct);
        var editors = revisions.EnumerateArray().Select(r => (r.GetProperty("number").GetInt32(), r.GetProperty("editorUserId").GetGuid(), r.GetProperty("changeNote").GetString())).ToList();
        Assert.Equal(4, editors.Count);
        Assert.Equal("アーカイブ", editors[0].Item3);
        Assert.Equal(editors[0].Item2, editors[3].Item2);
        Assert.NotEqual(editors[0].Item2, editors[1].Item2);
    }

    [Fact]
    public async Task DepartmentStaff_CannotTouchAnotherDepartmentsFaq_AndNothingChanges()
    {
        var ct = TestTimeout.Token(60);
        var (_, other) = await DepartmentsAsync(ct);
        using var staff = await Host.SignInAsync("dept-staff", ct);
        using var editor = await Host.SignInAsync("faq-editor", ct);
        var id = await CreateAsync(editor, Faq($"総務課の質問 {Guid.NewGuid():N}", [other]), ct);

        using var edit = await staff.PutAsJsonAsync(new Uri($"/api/faq/faqs/{id}", UriKind.Relative), Faq("書き換え", [other], 1), ct);
        using var archive = await staff.PostAsJsonAsync(new Uri($"/api/faq/faqs/{id}/archive", UriKind.Relative), new { expectedRevision = 1 }, ct);
        using var page = await staff.GetAsync(new Uri($"/console/faq/edit/{id}", UriKind.Relative), ct);
        using var history = await staff.GetAsync(new Uri($"/console/faq/{id}/history", UriKind.Relative), ct);
        using var status = await staff.GetAsync(new Uri($"/console/faq/{id}/status/archive", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, archive.StatusCode);
        Assert.True(HubHost.IsRedirectTo(page, "/account/denied"), page.StatusCode.ToString());
        Assert.True(HubHost.IsRedirectTo(history, "/account/denied"), history.StatusCode.ToString());
        Assert.True(HubHost.IsRedirectTo(status, "/account/denied"), status.StatusCode.ToString());
        Assert.Equal(1, await RevisionCountAsync(id, ct));
    }

    [Fact]
    public async Task DepartmentStaff_CannotLeaveOwnDepartmentOut_InJapanese()
    {
        var ct = TestTimeout.Token(60);
        var (own, other) = await DepartmentsAsync(ct);
        using var staff = await Host.SignInAsync("dept-staff", ct);
        var id = await CreateAsync(staff, Faq($"共同所管 {Guid.NewGuid():N}", [own, other]), ct);

        using var create = await staff.PostAsJsonAsync(new Uri("/api/faq/faqs", UriKind.Relative), Faq("他課だけの新規", [other]), ct);
        using var handOver = await staff.PutAsJsonAsync(new Uri($"/api/faq/faqs/{id}", UriKind.Relative), Faq("他課へ渡す", [other], 1), ct);

        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        Assert.Contains("所管課に、あなたの課を含めてください", await create.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, handOver.StatusCode);
        Assert.Equal(1, await RevisionCountAsync(id, ct));
    }

    [Fact]
    public async Task Editor_EditsEveryDepartmentsFaq()
    {
        var ct = TestTimeout.Token(60);
        var (own, _) = await DepartmentsAsync(ct);
        using var staff = await Host.SignInAsync("dept-staff", ct);
        using var admin = await Host.SignInAsync("admin", ct);
        var id = await CreateAsync(staff, Faq($"市民課が書いた質問 {Guid.NewGuid():N}", [own]), ct);

        using var edit = await admin.PutAsJsonAsync(new Uri($"/api/faq/faqs/{id}", UriKind.Relative), Faq("管理者が直した質問", [], 1), ct);

        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        // The department is no longer an owner: its staff lose the FAQ.
        using var lost = await staff.PutAsJsonAsync(new Uri($"/api/faq/faqs/{id}", UriKind.Relative), Faq("取り戻す", [own], 2), ct);
        Assert.Equal(HttpStatusCode.Forbidden, lost.StatusCode);
    }

    [Fact]
    public async Task DepartmentStaff_ListShowsOwnDepartmentOnly_AndEditorPagesStayClosed()
    {
        var ct = TestTimeout.Token(60);
        var (own, other) = await DepartmentsAsync(ct);
        using var staff = await Host.SignInAsync("dept-staff", ct);
        using var editor = await Host.SignInAsync("faq-editor", ct);
        var marker = Guid.NewGuid().ToString("N")[..8];
        await CreateAsync(editor, Faq($"一覧 市民課 {marker}", [own]), ct);
        await CreateAsync(editor, Faq($"一覧 総務課 {marker}", [other]), ct);

        var list = await staff.GetStringAsync(new Uri($"/console/faq?q={marker}&department={other}", UriKind.Relative), ct);
        using var synonyms = await staff.GetAsync(new Uri("/console/faq/synonyms", UriKind.Relative), ct);
        using var import = await staff.GetAsync(new Uri("/console/faq/import", UriKind.Relative), ct);

        Assert.Contains($"一覧 市民課 {marker}", list, StringComparison.Ordinal);
        Assert.DoesNotContain($"一覧 総務課 {marker}", list, StringComparison.Ordinal);
        Assert.Contains("あなたの課が所管するFAQだけを表示しています。", list, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/console/faq/synonyms\"", list, StringComparison.Ordinal);
        Assert.True(HubHost.IsRedirectTo(synonyms, "/account/denied"), synonyms.StatusCode.ToString());
        Assert.True(HubHost.IsRedirectTo(import, "/account/denied"), import.StatusCode.ToString());
    }

    [Fact]
    public async Task DepartmentStaff_EditPageSavesOwnFaq_WithoutPublishButton()
    {
        var ct = TestTimeout.Token(60);
        var (own, _) = await DepartmentsAsync(ct);
        using var staff = await Host.SignInAsync("dept-staff", ct);
        var id = await CreateAsync(staff, Faq($"画面で直す質問 {Guid.NewGuid():N}", [own]), ct);

        var page = await staff.GetStringAsync(new Uri($"/console/faq/edit/{id}", UriKind.Relative), ct);
        var form = EditorForms.Faq("画面で直した質問", "画面で直した回答", 1);
        form["Form.DepartmentIds"] = own.ToString();
        using var saved = await EditorForms.PostAsync(staff, $"/console/faq/edit/{id}", $"/console/faq/edit/{id}", form, ct);

        Assert.DoesNotContain($"/console/faq/{id}/status/publish", page, StringComparison.Ordinal);
        Assert.Contains($"/console/faq/{id}/status/archive", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(2, await RevisionCountAsync(id, ct));
    }
}

public sealed class SqliteFaqOwnershipTests(SqliteHostFixture fixture) : FaqOwnershipTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class PostgresFaqOwnershipTests(PostgresHostFixture fixture) : FaqOwnershipTests(fixture), IClassFixture<PostgresHostFixture>;
