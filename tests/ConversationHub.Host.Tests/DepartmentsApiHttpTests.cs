using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests;

/// <summary>The organisation import over real HTTP, with the real sign-in cookie.</summary>
public abstract class DepartmentsApiHttpTests(HostFixture fixture)
{
    private static ByteArrayContent Csv(string text, Encoding encoding)
    {
        var content = new ByteArrayContent(encoding.GetBytes(text));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }

    [Fact]
    public async Task List_Anonymous_Is401NotARedirect()
    {
        using var client = fixture.Host.CreateBrowserClient();

        var response = await client.GetAsync(new Uri("/api/org/departments", UriKind.Relative), TestTimeout.Token());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task List_Operator_Is403()
    {
        var ct = TestTimeout.Token();
        using var client = await fixture.Host.SignInAsync("operator", ct);

        var response = await client.GetAsync(new Uri("/api/org/departments", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Import_ShiftJisFileByAdministrator_AppliesAndLists()
    {
        // Arrange
        var ct = TestTimeout.Token();
        using var client = await fixture.Host.SignInAsync("admin", ct);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        const string csv = "組織コード,組織名,カナ,上位組織コード,メールアドレス,内線\r\nT90000,テスト部,テストブ,,test@city.wakabadai.example.jp,9000\r\nT90100,テスト課,テストカ,T90000,,9001\r\n";

        // Act
        var import = await client.PostAsync(new Uri("/api/org/departments/import", UriKind.Relative), Csv(csv, Encoding.GetEncoding(932)), ct);
        var list = await client.GetStringAsync(new Uri("/api/org/departments", UriKind.Relative), ct);

        // Assert
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        using var json = JsonDocument.Parse(list);
        var child = json.RootElement.EnumerateArray().Single(d => d.GetProperty("code").GetString() == "T90100");
        Assert.Equal("テスト課", child.GetProperty("name").GetString());
        Assert.Equal("T90000", child.GetProperty("parentCode").GetString());
    }

    [Fact]
    public async Task Import_InvalidRow_Is400WithLineAndChangesNothing()
    {
        var ct = TestTimeout.Token();
        using var client = await fixture.Host.SignInAsync("admin", ct);
        const string csv = "code,name,kana,parent_code,email\nT91000,正しい部,タダシイブ,,\nT91100,誤りの課,アヤマリノカ,NOPE,not-an-email\n";

        var import = await client.PostAsync(new Uri("/api/org/departments/import", UriKind.Relative), Csv(csv, Encoding.UTF8), ct);
        var body = await import.Content.ReadAsStringAsync(ct);
        var list = await client.GetStringAsync(new Uri("/api/org/departments", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.BadRequest, import.StatusCode);
        Assert.Contains("3:email", body, StringComparison.Ordinal);
        Assert.DoesNotContain("T91000", list, StringComparison.Ordinal);
    }
}

public sealed class SqliteDepartmentsApiHttpTests(SqliteHostFixture fixture) : DepartmentsApiHttpTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class PostgresDepartmentsApiHttpTests(PostgresHostFixture fixture) : DepartmentsApiHttpTests(fixture), IClassFixture<PostgresHostFixture>;
