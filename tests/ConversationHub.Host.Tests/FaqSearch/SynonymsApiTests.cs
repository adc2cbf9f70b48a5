using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.FaqSearch;

/// <summary>Editors change the synonym dictionary and search uses it at once, without a restart.</summary>
public sealed class SynonymsApiTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private static async Task<string?> TopQuestionAsync(HttpClient client, string query, CancellationToken ct) =>
        (await TopQuestionsAsync(client, query, 1, ct)).FirstOrDefault();

    private static async Task<List<string>> TopQuestionsAsync(HttpClient client, string query, int top, CancellationToken ct)
    {
        var json = await client.GetStringAsync(new Uri($"/api/faq/search?q={Uri.EscapeDataString(query)}&top={top}", UriKind.Relative), ct);
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("question").GetString()!)];
    }

    [Fact]
    public async Task Replace_NewSynonym_IsAppliedToSearchWithoutRestart()
    {
        // Arrange: a made-up word no FAQ contains finds nothing.
        var ct = TestTimeout.Token();
        using var editor = await fixture.Host.SignInAsync("faq-editor", ct);
        Assert.Null(await TopQuestionAsync(editor, "ぽぺぴゅ", ct));
        var current = await editor.GetFromJsonAsync<JsonElement>(new Uri("/api/faq/synonyms", UriKind.Relative), ct);
        var groups = current.GetProperty("groups").EnumerateArray().Select(g => g.EnumerateArray().Select(t => t.GetString()!).ToArray()).ToList();
        groups.Add(["ぽぺぴゅ", "ハザードマップ"]);

        // Act
        var put = await editor.PutAsJsonAsync(new Uri("/api/faq/synonyms", UriKind.Relative), new { groups }, ct);

        // Assert: the search on every node reloads on the hub event; poll briefly for it.
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        string? top = null;
        for (var i = 0; i < 50 && top is null; i++)
        {
            top = await TopQuestionAsync(editor, "ぽぺぴゅ", ct);
            await Task.Delay(100, ct);
        }

        Assert.NotNull(top);
        Assert.Contains("ハザードマップ", top, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replace_InvalidGroups_Is400InJapaneseAndChangesNothing()
    {
        var ct = TestTimeout.Token();
        using var editor = await fixture.Host.SignInAsync("faq-editor", ct);
        var before = await editor.GetStringAsync(new Uri("/api/faq/synonyms", UriKind.Relative), ct);

        var put = await editor.PutAsJsonAsync(new Uri("/api/faq/synonyms", UriKind.Relative), new { groups = new[] { new[] { "ひとつだけ" }, new[] { "住民票", "じゅうみんひょう" } } }, ct);
        var body = await put.Content.ReadAsStringAsync(ct);

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Contains("2語以上", body, StringComparison.Ordinal);
        Assert.Equal(before, await editor.GetStringAsync(new Uri("/api/faq/synonyms", UriKind.Relative), ct));
    }

    [Fact]
    public async Task Get_Operator_Is403()
    {
        var ct = TestTimeout.Token();
        using var operatorClient = await fixture.Host.SignInAsync("operator", ct);

        var response = await operatorClient.GetAsync(new Uri("/api/faq/synonyms", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Search_DemoSynonym_FindsFaqWrittenWithTheOtherWord()
    {
        using var client = fixture.Host.CreateClient();

        var top = await TopQuestionsAsync(client, "マイナカードなくした", 3, TestTimeout.Token());

        Assert.Contains(top, q => q.Contains("マイナンバーカードをなくして", StringComparison.Ordinal));
    }
}
