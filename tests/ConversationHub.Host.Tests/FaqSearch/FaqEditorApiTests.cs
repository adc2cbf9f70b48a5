using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.FaqSearch;

/// <summary>Editors change the knowledge base; search follows on every node; revisions are kept.</summary>
public sealed class FaqEditorApiTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    internal static object NewFaq(string question, int? expectedRevision = null) => new
    {
        question,
        paraphrases = new[] { "ぴかぴか手帳ってなに" },
        answerMarkdown = "**ぴかぴか手帳**は、若葉台市の架空の手帳です。市民課でお渡しします。",
        visibility = "Public",
        fields = new[] { "住民票・戸籍・印鑑登録" },
        keywords = new[] { "ぴかぴか" },
        changeNote = "新規作成",
        expectedRevision,
    };

    internal static async Task<int> SearchCountAsync(HttpClient client, string query, CancellationToken ct)
    {
        var json = await client.GetStringAsync(new Uri($"/api/faq/search?q={Uri.EscapeDataString(query)}", UriKind.Relative), ct);
        using var document = JsonDocument.Parse(json);
        // Only our test FAQs count: common words of the query (手帳) also find demo FAQs.
        return document.RootElement.GetProperty("results").EnumerateArray()
            .Count(r => r.GetProperty("question").GetString()!.Contains("ぴかぴか", StringComparison.Ordinal));
    }

    internal static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, CancellationToken ct)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100, ct);
        }

        return false;
    }

    [Fact]
    public async Task Lifecycle_DraftPublishEditArchive_SearchFollowsAndRevisionsAreKept()
    {
        var ct = TestTimeout.Token(60);
        using var editor = await fixture.Host.SignInAsync("faq-editor", ct);

        // Create: a draft is not searchable.
        var created = await editor.PostAsJsonAsync(new Uri("/api/faq/faqs", UriKind.Relative), NewFaq("ぴかぴか手帳はどこでもらえますか？"), ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
        await Task.Delay(300, ct);
        Assert.Equal(0, await SearchCountAsync(editor, "ぴかぴか手帳", ct));

        // Publish: searchable.
        var published = await editor.PostAsJsonAsync(new Uri($"/api/faq/faqs/{id}/publish", UriKind.Relative), new { expectedRevision = 1 }, ct);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.True(await EventuallyAsync(async () => await SearchCountAsync(editor, "ぴかぴか手帳", ct) > 0, ct));

        // A stale revision is a conflict and changes nothing.
        var stale = await editor.PutAsJsonAsync(new Uri($"/api/faq/faqs/{id}", UriKind.Relative), NewFaq("古い版からの変更", expectedRevision: 1), ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        // Archive: gone from search.
        var archived = await editor.PostAsJsonAsync(new Uri($"/api/faq/faqs/{id}/archive", UriKind.Relative), new { expectedRevision = 2 }, ct);
        Assert.Equal(HttpStatusCode.OK, archived.StatusCode);
        Assert.True(await EventuallyAsync(async () => await SearchCountAsync(editor, "ぴかぴか手帳", ct) == 0, ct));

        var revisions = await editor.GetFromJsonAsync<JsonElement>(new Uri($"/api/faq/faqs/{id}/revisions", UriKind.Relative), ct);
        Assert.Equal([3, 2, 1], revisions.EnumerateArray().Select(r => r.GetProperty("number").GetInt32()));
        using var first = JsonDocument.Parse(revisions[2].GetProperty("snapshot").GetString()!);
        Assert.Equal("ぴかぴか手帳はどこでもらえますか？", first.RootElement.GetProperty("question").GetString());
        Assert.Equal("Draft", first.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Create_Invalid_Is400InJapanese()
    {
        var ct = TestTimeout.Token();
        using var editor = await fixture.Host.SignInAsync("faq-editor", ct);

        var response = await editor.PostAsJsonAsync(new Uri("/api/faq/faqs", UriKind.Relative), new { question = "", answerMarkdown = "" }, ct);
        var body = await response.Content.ReadAsStringAsync(ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("質問は1〜500文字", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_ByOperator_Is403()
    {
        var ct = TestTimeout.Token();
        using var operatorClient = await fixture.Host.SignInAsync("operator", ct);

        var response = await operatorClient.PostAsJsonAsync(new Uri("/api/faq/faqs", UriKind.Relative), NewFaq("権限のない作成"), ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

/// <summary>Two nodes on one PostgreSQL database: an edit on one is searchable on the other (LISTEN/NOTIFY).</summary>
public sealed class TwoNodeSearchTests
{
    [Fact]
    public async Task PublishOnNodeA_IsSearchableOnNodeB()
    {
        var ct = TestTimeout.Token(180);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, ct);
        var pii = TestPii.CreateOptions();
        await using var nodeA = HubHost.Start(database, ownsDatabase: false, pii);
        await using var nodeB = HubHost.Start(database, ownsDatabase: false, pii);
        using var editorOnA = await nodeA.SignInAsync("faq-editor", ct);
        using var citizenOnB = nodeB.CreateClient();

        var created = await editorOnA.PostAsJsonAsync(new Uri("/api/faq/faqs", UriKind.Relative), FaqEditorApiTests.NewFaq("ぴかぴか手帳の再発行はできますか？"), ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
        await editorOnA.PostAsJsonAsync(new Uri($"/api/faq/faqs/{id}/publish", UriKind.Relative), new { expectedRevision = 1 }, ct);

        Assert.True(await FaqEditorApiTests.EventuallyAsync(async () => await FaqEditorApiTests.SearchCountAsync(citizenOnB, "ぴかぴか手帳", ct) > 0, ct));
    }
}
