using System.Net;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests;

public abstract class OperationsTests(HostFixture fixture)
{
    [Fact]
    public async Task Readyz_AfterStart_Is200()
    {
        using var client = fixture.Host.CreateClient();

        var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative), TestTimeout.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Healthy", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_Is200()
    {
        using var client = fixture.Host.CreateClient();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestTimeout.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_DocumentIsServed()
    {
        using var client = fixture.Host.CreateClient();

        var document = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestTimeout.Token());

        Assert.Contains("\"openapi\"", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_IsJapaneseAndListsDemoCategories()
    {
        using var client = fixture.Host.CreateClient();

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative), TestTimeout.Token());

        Assert.Contains("<html lang=\"ja\">", html, StringComparison.Ordinal);
        Assert.Contains("若葉台市 よくある質問", html, StringComparison.Ordinal);
        Assert.Contains("マイナンバーカード", html, StringComparison.Ordinal);
        Assert.Contains("ごみ・リサイクル", html, StringComparison.Ordinal);
    }
}

public sealed class SqliteOperationsTests(SqliteHostFixture fixture) : OperationsTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class PostgresOperationsTests(PostgresHostFixture fixture) : OperationsTests(fixture), IClassFixture<PostgresHostFixture>;
