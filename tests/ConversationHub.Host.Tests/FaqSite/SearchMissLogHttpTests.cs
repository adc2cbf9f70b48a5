using System.Net;
using System.Text.Json;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Host.Tests.FaqSite;

/// <summary>The zero-hit / low-confidence log: masked before storage, written in the background, reported to editors.</summary>
public abstract class SearchMissLogHttpTests(HostFixture fixture)
{
    private HubHost Host => fixture.Host;

    [Fact]
    public async Task Search_ZeroHitWithPhoneAndEmail_StoresOnlyTheMaskedQuery()
    {
        // Arrange
        var ct = TestTimeout.Token();
        var marker = Marker("ｑｘ");
        var query = $"{marker} 09012345678 yamada.t@qzxmail.qz";
        using var client = Host.CreateBrowserClient();

        // Act
        using var page = await client.GetAsync(new Uri("/search?q=" + Uri.EscapeDataString(query), UriKind.Relative), ct);
        using var api = await client.GetAsync(new Uri("/api/faq/search?q=" + Uri.EscapeDataString(query), UriKind.Relative), ct);
        var stored = await WaitForMissesAsync(marker, 2, ct);

        // Assert
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(2, stored.Count);
        Assert.All(stored, raw =>
        {
            Assert.DoesNotContain("09012345678", raw, StringComparison.Ordinal);
            Assert.DoesNotContain("5678", raw, StringComparison.Ordinal);
            Assert.DoesNotContain("yamada", raw, StringComparison.Ordinal);
            Assert.DoesNotContain("qzxmail", raw, StringComparison.Ordinal);
            Assert.Contains("＊", raw, StringComparison.Ordinal);
        });
        var channels = await FaqTestData.WithFaqDbAsync(Host, db => db.Database
            .SqlQuery<string>($"SELECT \"Channel\" || ':' || \"Kind\" AS \"Value\" FROM faq_search_misses WHERE \"MaskedQuery\" LIKE {marker + "%"}").ToListAsync(ct));
        Assert.Equal(["api:zerohit", "site:zerohit"], channels.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(Host.Logs, line => line.Contains("09012345678", StringComparison.Ordinal) || line.Contains(marker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Report_FaqEditor_SeesMostFrequentMaskedQueriesPerKind()
    {
        // Arrange
        var ct = TestTimeout.Token();
        var marker = Marker("ｚｙ");
        using var anonymous = Host.CreateBrowserClient();
        for (var i = 0; i < 3; i++)
            (await anonymous.GetAsync(new Uri("/search?q=" + Uri.EscapeDataString($"{marker} 0312345678"), UriKind.Relative), ct)).Dispose();
        await WaitForMissesAsync(marker, 3, ct);
        using var editor = await Host.SignInAsync("faq-editor", ct);

        // Act
        var json = await editor.GetStringAsync(new Uri("/api/faq/reports/misses?days=7&top=100", UriKind.Relative), ct);

        // Assert
        var item = JsonDocument.Parse(json).RootElement.GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("query").GetString()!.StartsWith(marker, StringComparison.Ordinal));
        Assert.Equal($"{marker} ＊", item.GetProperty("query").GetString());
        Assert.Equal(3, item.GetProperty("total").GetInt32());
        Assert.Equal(3, item.GetProperty("zeroHit").GetInt32());
        Assert.Equal(0, item.GetProperty("lowConfidence").GetInt32());
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("operator", HttpStatusCode.Forbidden)]
    [InlineData("admin", HttpStatusCode.OK)]
    public async Task Report_RequiresEditorOrAdministrator(string? user, HttpStatusCode expected)
    {
        var ct = TestTimeout.Token();
        using var client = user is null ? Host.CreateBrowserClient() : await Host.SignInAsync(user, ct);

        using var response = await client.GetAsync(new Uri("/api/faq/reports/misses", UriKind.Relative), ct);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Report_DaysOutOfRange_IsValidationProblem()
    {
        var ct = TestTimeout.Token();
        using var editor = await Host.SignInAsync("faq-editor", ct);

        using var response = await editor.GetAsync(new Uri("/api/faq/reports/misses?days=0", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    // Letters only: a marker with four digits in a row would itself be masked.
    private static string Marker(string prefix) => prefix + string.Concat(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('g' + (c % 16))));

    // The writer is asynchronous by design; poll the table briefly.
    private async Task<List<string>> WaitForMissesAsync(string marker, int count, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var rows = await FaqTestData.WithFaqDbAsync(Host, db => db.Database
                .SqlQuery<string>($"SELECT \"MaskedQuery\" AS \"Value\" FROM faq_search_misses WHERE \"MaskedQuery\" LIKE {marker + "%"}").ToListAsync(ct));
            if (rows.Count >= count || attempt >= 100)
                return rows;
            await Task.Delay(100, ct);
        }
    }
}

public sealed class SqliteSearchMissLogHttpTests(SqliteHostFixture fixture) : SearchMissLogHttpTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class PostgresSearchMissLogHttpTests(PostgresHostFixture fixture) : SearchMissLogHttpTests(fixture), IClassFixture<PostgresHostFixture>;
