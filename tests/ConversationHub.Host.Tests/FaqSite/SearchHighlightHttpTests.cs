using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.FaqSite;

/// <summary>
/// Issue 3, highlighting: the results page marks what matched, including text found through a synonym. The test adds
/// じゅうみんひょう to the 住民票 group as an editor would: the reading alone marks 住民票 (ReadingSearchHttpTests), the
/// synonym brings in and marks the whole phrase 住民票の写し.
/// </summary>
public sealed class SearchHighlightHttpTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private async Task<string> SearchPageAsync(string query, CancellationToken ct)
    {
        using var client = fixture.Host.CreateBrowserClient();
        using var response = await client.GetAsync(new Uri("/search?q=" + Uri.EscapeDataString(query), UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(ct);
    }

    [Fact]
    public async Task Get_DemoSynonym_MarksTheOtherName()
    {
        // Act: the demo dictionary has マイナンバーカード = 個人番号カード = マイナカード.
        var html = await SearchPageAsync("個人番号カードの暗証番号", TestTimeout.Token());

        // Assert
        Assert.Contains("<mark>マイナンバーカード</mark>の<mark>暗証番号</mark>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_HiraganaWithReadingSynonym_FindsAndMarksTheKanji()
    {
        // Arrange
        var ct = TestTimeout.Token();
        using var editor = await fixture.Host.SignInAsync("faq-editor", ct);
        Assert.DoesNotContain("<mark>住民票の写し</mark>", await SearchPageAsync("じゅうみんひょう", ct), StringComparison.Ordinal);
        var current = await editor.GetFromJsonAsync<JsonElement>(new Uri("/api/faq/synonyms", UriKind.Relative), ct);
        var groups = current.GetProperty("groups").EnumerateArray().Select(g => g.EnumerateArray().Select(t => t.GetString()!).ToArray()).ToList();
        // A term belongs to one group only: the reading joins the demo group 住民票の写し = 住民票.
        var index = groups.FindIndex(g => g.Contains("住民票"));
        groups[index] = [.. groups[index], "じゅうみんひょう"];

        // Act
        using var put = await editor.PutAsJsonAsync(new Uri("/api/faq/synonyms", UriKind.Relative), new { groups }, ct);
        var html = "";
        for (var i = 0; i < 50 && !html.Contains("<mark>住民票の写し</mark>", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100, ct);
            html = await SearchPageAsync("じゅうみんひょう", ct);
        }

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        Assert.Contains("<mark>住民票の写し</mark>はどこで取れますか？", html, StringComparison.Ordinal);
    }
}
