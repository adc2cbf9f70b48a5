using System.Globalization;
using System.Net;
using System.Text;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Host.Tests.FaqSite;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Host.Tests.FaqEditor;

/// <summary>Applying a confirmed CSV dry run, on each database: one transaction, history per FAQ, the index refreshed.</summary>
public abstract class FaqCsvApplyTests(HostFixture fixture)
{
    private HubHost Host => fixture.Host;

    [Fact]
    public async Task Apply_ConfirmedDryRun_AddsUpdatesArchivesWithHistoryAndIndexes()
    {
        // Arrange
        var ct = TestTimeout.Token(90);
        var marker = EditorForms.Marker();
        var updated = await FaqTestData.CreateAsync(Host, ct, question: $"{marker} 更新する質問");
        var archived = await FaqTestData.CreateAsync(Host, ct, question: $"{marker} 削除する質問");
        using var editor = await Host.SignInAsync("faq-editor", ct);
        using var citizen = Host.CreateBrowserClient();
        var csv = FaqCsvForms.Csv(
            $",登録,{marker} 一括登録の質問,\"{marker} 言い換え1\n{marker} 言い換え2\",\"- 一括登録の回答です。\",,,\"{marker}\nCSV\",100100,公開,公開,2026-04-01 09:00,,申請書 https://www.example.jp/shinsei,初回登録",
            $"{updated.Id},更新,{updated.Question},,一括更新した回答です。,,,,,,,,,,",
            $"{archived.Id},削除,,,,,,,,,,,,,");
        using var preview = await FaqCsvForms.PreviewAsync(editor, Encoding.UTF8.GetBytes(csv), ct);
        var page = await preview.Content.ReadAsStringAsync(ct);

        // Act
        using var apply = await FaqCsvForms.ApplyAsync(editor, page, ct);

        // Assert
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.True(HubHost.IsRedirectTo(apply, "/console/faq/import?added=1&updated=1&deleted=1"), apply.StatusCode.ToString());
        var result = await FaqTestData.WithFaqDbAsync(Host, async db =>
        {
            var added = await db.Faqs.AsNoTracking().Include(f => f.Paraphrases).Include(f => f.Categories).Include(f => f.Owners).Include(f => f.RelatedLinks)
                .SingleAsync(f => f.Question == $"{marker} 一括登録の質問", ct);
            var revisions = await db.Revisions.AsNoTracking().Where(r => r.FaqId == added.Id || r.FaqId == updated.Id || r.FaqId == archived.Id).ToListAsync(ct);
            return new
            {
                Added = added,
                UpdatedAnswer = await db.Faqs.Where(f => f.Id == updated.Id).Select(f => f.AnswerMarkdown).SingleAsync(ct),
                ArchivedStatus = await db.Faqs.Where(f => f.Id == archived.Id).Select(f => f.Status).SingleAsync(ct),
                Revisions = revisions,
            };
        });
        Assert.Equal("- 一括登録の回答です。", result.Added.AnswerMarkdown);
        Assert.Equal(FaqStatus.Published, result.Added.Status);
        Assert.Equal(2, result.Added.Paraphrases.Count);
        Assert.Equal(["CSV", marker], result.Added.Categories.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Single(result.Added.Owners);
        Assert.Equal(("申請書", "https://www.example.jp/shinsei"), (result.Added.RelatedLinks[0].Title, result.Added.RelatedLinks[0].Url));
        Assert.Equal(new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc), result.Added.PublishFromUtc);
        Assert.Equal("一括更新した回答です。", result.UpdatedAnswer);
        Assert.Equal(FaqStatus.Archived, result.ArchivedStatus);
        Assert.Equal(3, result.Revisions.Count);
        Assert.All(result.Revisions, r => Assert.NotNull(r.EditorUserId));
        Assert.Equal(["CSV一括削除（アーカイブ）", "CSV一括更新", "初回登録"], result.Revisions.Select(r => r.ChangeNote).Order(StringComparer.Ordinal));
        Assert.True(await EditorForms.EventuallyAsync(() => EditorForms.IsFoundAsync(citizen, marker, result.Added.Id, ct), ct));
        var history = await editor.GetStringAsync(new Uri($"/console/faq/{updated.Id}/history", UriKind.Relative), ct);
        Assert.Contains("CSV一括更新", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_FaqEditedAfterDryRun_IsRefusedAndWritesNothing()
    {
        // Arrange: the dry run, then another save of the same FAQ.
        var ct = TestTimeout.Token(60);
        var marker = EditorForms.Marker();
        using var editor = await Host.SignInAsync("faq-editor", ct);
        var id = await EditorForms.CreateAsync(editor, $"{marker} 競合する質問", "元の回答", ct);
        using var preview = await FaqCsvForms.PreviewAsync(editor, Encoding.UTF8.GetBytes(FaqCsvForms.Csv($"{id},更新,{marker} 競合する質問,,CSVの回答,,,,,,,,,,")), ct);
        var page = await preview.Content.ReadAsStringAsync(ct);
        using var other = await EditorForms.PostAsync(editor, $"/console/faq/edit/{id}", $"/console/faq/edit/{id}", EditorForms.Faq($"{marker} 競合する質問", "画面で直した回答", expectedRevision: 1), ct);

        // Act
        using var apply = await FaqCsvForms.ApplyAsync(editor, page, ct);

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, apply.StatusCode);
        Assert.Contains("ほかの職員が対象のFAQを更新しました", await apply.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal("画面で直した回答", await FaqTestData.WithFaqDbAsync(Host, db => db.Faqs.Where(f => f.Id == id).Select(f => f.AnswerMarkdown).SingleAsync(ct)));
    }

    [Fact]
    public async Task Apply_MoreFaqsThanPerFaqEvents_RebuildsTheIndexOnce()
    {
        // Arrange: more rows than the per-FAQ event limit, so the nodes rebuild instead.
        var ct = TestTimeout.Token(90);
        var marker = EditorForms.Marker();
        var lastMarker = EditorForms.Marker();
        using var editor = await Host.SignInAsync("faq-editor", ct);
        using var citizen = Host.CreateBrowserClient();
        var rows = Enumerable.Range(0, 60).Select(i => string.Create(CultureInfo.InvariantCulture, $",登録,{marker} まとめて登録した質問 {i},,回答 {i},,,,,,公開,,,,"))
            .Append($",登録,{lastMarker} 最後の質問,,最後の回答,,,,,,公開,,,,").ToArray();
        using var preview = await FaqCsvForms.PreviewAsync(editor, Encoding.UTF8.GetBytes(FaqCsvForms.Csv(rows)), ct);

        // Act
        using var apply = await FaqCsvForms.ApplyAsync(editor, await preview.Content.ReadAsStringAsync(ct), ct);

        // Assert
        Assert.True(HubHost.IsRedirectTo(apply, "/console/faq/import?added=61&updated=0&deleted=0"), apply.StatusCode.ToString());
        var last = await FaqTestData.WithFaqDbAsync(Host, db => db.Faqs.Where(f => f.Question == $"{lastMarker} 最後の質問").Select(f => f.Id).SingleAsync(ct));
        Assert.True(await EditorForms.EventuallyAsync(() => EditorForms.IsFoundAsync(citizen, lastMarker, last, ct), ct));
    }
}

public sealed class SqliteFaqCsvApplyTests(SqliteHostFixture fixture) : FaqCsvApplyTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class PostgresFaqCsvApplyTests(PostgresHostFixture fixture) : FaqCsvApplyTests(fixture), IClassFixture<PostgresHostFixture>;
