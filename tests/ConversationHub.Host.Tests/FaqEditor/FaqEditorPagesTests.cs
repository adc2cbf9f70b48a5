using System.Net;
using ConversationHub.Faq.Site;
using ConversationHub.Host.Tests.FaqSite;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Host.Tests.FaqEditor;

/// <summary>The FAQ editors' pages over real HTTP: create, publish, validation, conflicts, restore, list.</summary>
public abstract class FaqEditorPagesTests(HostFixture fixture)
{
    private HubHost Host => fixture.Host;

    [Fact]
    public async Task CreateThenPublish_NewFaq_IsSearchableAndOnThePublicPage()
    {
        // Arrange
        var ct = TestTimeout.Token(60);
        var marker = EditorForms.Marker();
        using var editor = await Host.SignInAsync("faq-editor", ct);
        using var citizen = Host.CreateBrowserClient();
        var question = $"{marker} 手帳はどこでもらえますか？";

        // Act: create a draft; it is neither searchable nor public.
        var id = await EditorForms.CreateAsync(editor, question, $"**{marker} 手帳**は市民課でお渡しします。\n<script>alert(1)</script>", ct);
        await Task.Delay(300, ct);
        var foundAsDraft = await EditorForms.IsFoundAsync(citizen, marker, id, ct);
        using var draftPage = await citizen.GetAsync(new Uri($"/faq/{id}", UriKind.Relative), ct);
        using var publish = await EditorForms.ChangeStatusAsync(editor, id, "publish", ct);

        // Assert
        Assert.False(foundAsDraft);
        Assert.Equal(HttpStatusCode.NotFound, draftPage.StatusCode);
        Assert.True(HubHost.IsRedirectTo(publish, $"/console/faq/edit/{id}?done=publish"));
        Assert.True(await EditorForms.EventuallyAsync(() => EditorForms.IsFoundAsync(citizen, marker, id, ct), ct));
        var html = await citizen.GetStringAsync(new Uri(FaqSlug.CanonicalPath(id, question), UriKind.Relative), ct);
        Assert.Contains($"<strong>{marker} 手帳</strong>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Contains("https://www.example.jp/shinsei", html, StringComparison.Ordinal);
        var edited = await editor.GetStringAsync(new Uri($"/console/faq/edit/{id}?done=publish", UriKind.Relative), ct);
        Assert.Contains("公開しました。", edited, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_InvalidFields_ShowsJapaneseErrorsLinkedToFieldsAndSavesNothing()
    {
        // Arrange
        var ct = TestTimeout.Token(60);
        var marker = EditorForms.Marker();
        using var editor = await Host.SignInAsync("faq-editor", ct);
        var id = await EditorForms.CreateAsync(editor, $"{marker} の元の質問", "元の回答です。", ct);
        var fields = EditorForms.Faq("", "変更後の回答", expectedRevision: 1);
        fields["Form.PublishFrom"] = "2026-12-01T10:00";
        fields["Form.PublishUntil"] = "2026-11-01T10:00";
        fields["Form.Links[0].Url"] = "javascript:alert(1)";

        // Act
        using var response = await EditorForms.PostAsync(editor, $"/console/faq/edit/{id}", $"/console/faq/edit/{id}", fields, ct);
        var html = await response.Content.ReadAsStringAsync(ct);

        // Assert: every message in the summary (linked to its field) and next to the field; nothing stored.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("id=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#question\">質問は1〜500文字で入力してください。</a>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"question-error\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"question-error\"", html, StringComparison.Ordinal);
        Assert.Contains("公開終了日時は公開開始日時より後にしてください。", html, StringComparison.Ordinal);
        Assert.Contains("関連リンクのURL", html, StringComparison.Ordinal);
        Assert.Contains("変更後の回答", html, StringComparison.Ordinal);
        var stored = await FaqTestData.WithFaqDbAsync(Host, db => db.Faqs.AsNoTracking().Where(f => f.Id == id).Select(f => new { f.Question, f.AnswerMarkdown, Revisions = db.Revisions.Count(r => r.FaqId == id) }).SingleAsync(ct));
        Assert.Equal(($"{marker} の元の質問", "元の回答です。", 1), (stored.Question, stored.AnswerMarkdown, stored.Revisions));
    }

    [Fact]
    public async Task Save_FromStaleRevision_ShowsWhoChangedItAndOverwritesNothing()
    {
        // Arrange: two editors open revision 1; the administrator saves first.
        var ct = TestTimeout.Token(60);
        var marker = EditorForms.Marker();
        using var editor = await Host.SignInAsync("faq-editor", ct);
        using var admin = await Host.SignInAsync("admin", ct);
        var id = await EditorForms.CreateAsync(editor, $"{marker} の質問", "最初の回答です。", ct);
        using var first = await EditorForms.PostAsync(admin, $"/console/faq/edit/{id}", $"/console/faq/edit/{id}", EditorForms.Faq($"{marker} の質問", "管理者が直した回答です。", expectedRevision: 1), ct);

        // Act: the editor saves from revision 1 too.
        using var stale = await EditorForms.PostAsync(editor, $"/console/faq/edit/{id}", $"/console/faq/edit/{id}", EditorForms.Faq($"{marker} の質問", "編集者の古い版からの回答です。", expectedRevision: 1), ct);
        var html = await stale.Content.ReadAsStringAsync(ct);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("ほかの職員がこのFAQを更新しました", html, StringComparison.Ordinal);
        Assert.Contains("現在は第2版", html, StringComparison.Ordinal);
        Assert.Contains("編集者の古い版からの回答です。", html, StringComparison.Ordinal);
        var answer = await FaqTestData.WithFaqDbAsync(Host, db => db.Faqs.AsNoTracking().Where(f => f.Id == id).Select(f => f.AnswerMarkdown).SingleAsync(ct));
        Assert.Equal("管理者が直した回答です。", answer);
    }

    [Fact]
    public async Task Restore_OldRevision_BecomesNewRevisionWithOldContent()
    {
        // Arrange: revision 1, then revision 2 with another answer and no links.
        var ct = TestTimeout.Token(60);
        var marker = EditorForms.Marker();
        using var editor = await Host.SignInAsync("faq-editor", ct);
        var id = await EditorForms.CreateAsync(editor, $"{marker} の質問", "第1版の回答です。", ct);
        var second = EditorForms.Faq($"{marker} の質問（改）", "第2版の回答です。", expectedRevision: 1);
        second["Form.Links[0].Title"] = "";
        second["Form.Links[0].Url"] = "";
        using var saved = await EditorForms.PostAsync(editor, $"/console/faq/edit/{id}", $"/console/faq/edit/{id}", second, ct);
        var history = await editor.GetStringAsync(new Uri($"/console/faq/{id}/history", UriKind.Relative), ct);
        var old = await editor.GetStringAsync(new Uri($"/console/faq/{id}/history/1", UriKind.Relative), ct);

        // Act
        using var restored = await EditorForms.PostAsync(editor, $"/console/faq/{id}/history/1", $"/console/faq/{id}/history/1", [new("expectedRevision", "2")], ct);

        // Assert: history names the editor and what changed; the old content is back as revision 3.
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("広報広聴 編集", history, StringComparison.Ordinal);
        Assert.Contains("質問、言い換え、回答、関連リンク", history, StringComparison.Ordinal);
        Assert.Contains("第1版の回答です。", old, StringComparison.Ordinal);
        Assert.True(HubHost.IsRedirectTo(restored, $"/console/faq/edit/{id}?done=restored"));
        var faq = await FaqTestData.WithFaqDbAsync(Host, db => db.Faqs.AsNoTracking().Include(f => f.RelatedLinks).Include(f => f.Categories).Include(f => f.Paraphrases).SingleAsync(f => f.Id == id, ct));
        var revisions = await FaqTestData.WithFaqDbAsync(Host, db => db.Revisions.AsNoTracking().Where(r => r.FaqId == id).OrderBy(r => r.Number).Select(r => r.ChangeNote).ToListAsync(ct));
        Assert.Equal(($"{marker} の質問", "第1版の回答です。"), (faq.Question, faq.AnswerMarkdown));
        Assert.Equal("https://www.example.jp/shinsei", Assert.Single(faq.RelatedLinks).Url);
        Assert.Equal(["テスト", "住民票・戸籍・印鑑登録", "引っ越し", "編集画面"], faq.Categories.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Equal($"{marker} の質問を知りたい", Assert.Single(faq.Paraphrases).Text);
        Assert.Equal(3, revisions.Count);
        Assert.Equal("第1版を復元", revisions[2]);
    }

    [Fact]
    public async Task List_FilteredByTextAndStatus_ShowsTheFaqWithItsEditor()
    {
        // Arrange
        var ct = TestTimeout.Token(60);
        var marker = EditorForms.Marker();
        using var editor = await Host.SignInAsync("faq-editor", ct);
        await EditorForms.CreateAsync(editor, $"{marker} 一覧に出る質問", "回答です。", ct);

        // Act
        var drafts = await editor.GetStringAsync(new Uri($"/console/faq?q={marker}&status=Draft", UriKind.Relative), ct);
        var published = await editor.GetStringAsync(new Uri($"/console/faq?q={marker}&status=Published", UriKind.Relative), ct);
        var all = await editor.GetStringAsync(new Uri("/console/faq?status=Published", UriKind.Relative), ct);

        // Assert: the demo city has more published FAQs than one page holds.
        Assert.Contains($"{marker} 一覧に出る質問", drafts, StringComparison.Ordinal);
        Assert.Contains("広報広聴 編集", drafts, StringComparison.Ordinal);
        Assert.DoesNotContain(marker + " 一覧", published, StringComparison.Ordinal);
        Assert.Contains("rel=\"next\"", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Synonyms_AddEditDelete_ChangeSearchResults()
    {
        // Arrange: a made-up word finds nothing.
        var ct = TestTimeout.Token(60);
        using var editor = await Host.SignInAsync("faq-editor", ct);
        const string word = "ぷぽぱゆ";
        Assert.False(await HasResultsAsync(editor, word, ct));

        // Act + Assert: add, then edit, then delete the group.
        using var added = await EditorForms.PostAsync(editor, "/console/faq/synonyms", "/console/faq/synonyms", [new("terms", $"{word}\nハザードマップ")], ct);
        Assert.True(HubHost.IsRedirectTo(added, "/console/faq/synonyms?done=saved"));
        Assert.True(await EditorForms.EventuallyAsync(() => TopContainsAsync(editor, word, "ハザードマップ", ct), ct));

        var groupId = await FaqTestData.WithFaqDbAsync(Host, db => db.SynonymGroups.Where(g => g.Terms.StartsWith(word)).Select(g => g.Id).SingleAsync(ct));
        using var edited = await EditorForms.PostAsync(editor, "/console/faq/synonyms", "/console/faq/synonyms", [new("groupId", groupId.ToString()), new("terms", $"{word}、婚姻届")], ct);
        Assert.True(HubHost.IsRedirectTo(edited, "/console/faq/synonyms?done=saved"), await edited.Content.ReadAsStringAsync(ct));
        Assert.True(await EditorForms.EventuallyAsync(() => TopContainsAsync(editor, word, "婚姻届", ct), ct));

        using var duplicate = await EditorForms.PostAsync(editor, "/console/faq/synonyms", "/console/faq/synonyms", [new("terms", $"{word}\n別の言葉")], ct);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains($"「{word}」は", await duplicate.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);

        using var deleted = await EditorForms.PostAsync(editor, "/console/faq/synonyms", "/console/faq/synonyms?handler=delete", [new("groupId", groupId.ToString())], ct);
        Assert.True(await EditorForms.EventuallyAsync(async () => !await HasResultsAsync(editor, word, ct), ct));
    }

    [Fact]
    public async Task Misses_ZeroHitSearch_IsListedWithALinkToCreateTheFaq()
    {
        // Arrange: a citizen searches for something no FAQ answers.
        var ct = TestTimeout.Token(60);
        var marker = EditorForms.Marker();
        using var citizen = Host.CreateBrowserClient();
        using var editor = await Host.SignInAsync("faq-editor", ct);
        (await citizen.GetAsync(new Uri($"/search?q={marker}", UriKind.Relative), ct)).Dispose();

        // Act: the miss log is written in the background.
        string html = "";
        Assert.True(await EditorForms.EventuallyAsync(async () => (html = await editor.GetStringAsync(new Uri("/console/faq/misses?days=7", UriKind.Relative), ct)).Contains(marker, StringComparison.Ordinal), ct));
        var form = await editor.GetStringAsync(new Uri($"/console/faq/edit?question={marker}", UriKind.Relative), ct);

        // Assert
        Assert.Contains($"/console/faq/edit?question={marker}", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"Form.Question\" type=\"text\" value=\"{marker}\"", form, StringComparison.Ordinal);
    }

    private static async Task<bool> HasResultsAsync(HttpClient client, string query, CancellationToken ct) =>
        (await client.GetStringAsync(new Uri($"/api/faq/search?q={Uri.EscapeDataString(query)}", UriKind.Relative), ct)).Contains("\"faqId\"", StringComparison.Ordinal);

    private static async Task<bool> TopContainsAsync(HttpClient client, string query, string expected, CancellationToken ct)
    {
        var json = await client.GetStringAsync(new Uri($"/api/faq/search?q={Uri.EscapeDataString(query)}&top=3", UriKind.Relative), ct);
        return json.Contains(expected, StringComparison.Ordinal);
    }
}

public sealed class SqliteFaqEditorPagesTests(SqliteHostFixture fixture) : FaqEditorPagesTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class PostgresFaqEditorPagesTests(PostgresHostFixture fixture) : FaqEditorPagesTests(fixture), IClassFixture<PostgresHostFixture>;
