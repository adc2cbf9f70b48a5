using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.Postal;

/// <summary>Loading a dataset and looking codes up over real HTTP, with the real sign-in cookie (handoff/Postal/Apis/PostalApi.cs).</summary>
public abstract class PostalApiTests(HostFixture fixture)
{
    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, CancellationToken ct, bool dryRun = false, bool multipart = true)
    {
        var uri = new Uri("/api/postal/dataset" + (dryRun ? "?dryRun=true" : ""), UriKind.Relative);
        if (!multipart)
        {
            using var raw = new ByteArrayContent(file);
            raw.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            return await client.PostAsync(uri, raw, ct);
        }

        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(part, "file", "utf_ken_all.csv");
        return await client.PostAsync(uri, form, ct);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, CancellationToken ct) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement;

    [Fact]
    public async Task Upload_ShiftJisByAdministrator_LookupAnonymousFindsCandidates()
    {
        // Arrange
        var ct = TestTimeout.Token();
        using var admin = await fixture.Host.SignInAsync("admin", ct);
        using var citizen = fixture.Host.CreateBrowserClient();

        // Act
        var upload = await UploadAsync(admin, KenAllSample.ShiftJis(), ct);
        var lookup = await citizen.GetAsync(new Uri("/api/postal/999-0020", UriKind.Relative), ct);

        // Assert
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var result = await JsonAsync(upload, ct);
        Assert.True(result.GetProperty("stored").GetBoolean());
        Assert.Equal("ken_all-shift_jis", result.GetProperty("format").GetString());
        Assert.Equal(8, result.GetProperty("entries").GetInt32());
        Assert.Equal(3, result.GetProperty("malformedCount").GetInt32());
        var first = result.GetProperty("malformed")[0];
        Assert.Equal(10, first.GetProperty("line").GetInt32());
        Assert.Equal("10 行目：列の数が 8 です（KEN_ALL は 15 列）。", first.GetProperty("message").GetString());

        Assert.Equal(HttpStatusCode.OK, lookup.StatusCode);
        var candidates = (await JsonAsync(lookup, ct)).EnumerateArray().ToList();
        Assert.Equal(["南ケ丘", "西野"], candidates.Select(c => c.GetProperty("town").GetString()));
        var c0 = candidates[0];
        Assert.Equal("9990020", c0.GetProperty("code").GetString());
        Assert.Equal("北海道", c0.GetProperty("prefecture").GetString());
        Assert.Equal("若葉台市", c0.GetProperty("city").GetString());
        Assert.Equal("ホッカイドウ", c0.GetProperty("prefectureKana").GetString());
        Assert.Equal("ワカバダイシ", c0.GetProperty("cityKana").GetString());
        Assert.Equal("ミナミガオカ", c0.GetProperty("townKana").GetString());
        Assert.Equal("北海道若葉台市南ケ丘", c0.GetProperty("address").GetString());
    }

    [Theory]
    [InlineData("9990012")]
    [InlineData("999-0012")]
    [InlineData("〒９９９－００１２")]
    [InlineData("９９９００１２")]
    public async Task Lookup_HyphenAndFullWidth_Found(string input)
    {
        var ct = TestTimeout.Token();
        using var admin = await fixture.Host.SignInAsync("admin", ct);
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(admin, KenAllSample.Utf8(), ct, multipart: false)).StatusCode);
        using var citizen = fixture.Host.CreateBrowserClient();

        var lookup = await citizen.GetAsync(new Uri("/api/postal/" + Uri.EscapeDataString(input), UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.OK, lookup.StatusCode);
        Assert.Equal("北海道若葉台市北町", (await JsonAsync(lookup, ct))[0].GetProperty("address").GetString());
    }

    [Theory]
    [InlineData("123-456", "郵便番号は数字 7 桁です（入力された数字は 6 桁）。")]
    [InlineData("12-34567", "ハイフンは上 3 桁の後に 1 つだけ入れてください（例：123-4567）。")]
    [InlineData("123a4567", "郵便番号に使えない文字「a」が含まれています。数字 7 桁で入力してください（例：123-4567）。")]
    public async Task Lookup_Malformed_400WithPreciseMessage(string input, string message)
    {
        var ct = TestTimeout.Token();
        using var citizen = fixture.Host.CreateBrowserClient();

        var lookup = await citizen.GetAsync(new Uri("/api/postal/" + Uri.EscapeDataString(input), UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.BadRequest, lookup.StatusCode);
        Assert.Equal("application/problem+json", lookup.Content.Headers.ContentType?.MediaType);
        var problem = await JsonAsync(lookup, ct);
        Assert.Equal(message, problem.GetProperty("title").GetString());
        Assert.Equal(message, problem.GetProperty("errors").GetProperty("code")[0].GetString());
    }

    [Fact]
    public async Task Lookup_UnknownCode_404WithTheCode()
    {
        var ct = TestTimeout.Token();
        using var admin = await fixture.Host.SignInAsync("admin", ct);
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(admin, KenAllSample.Utf8(), ct)).StatusCode);
        using var citizen = fixture.Host.CreateBrowserClient();

        var lookup = await citizen.GetAsync(new Uri("/api/postal/9990099", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
        Assert.Equal("郵便番号 999-0099 に該当する住所は見つかりません。", (await JsonAsync(lookup, ct)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Upload_DryRun_ReportsAndChangesNothing()
    {
        // Arrange
        var ct = TestTimeout.Token();
        using var admin = await fixture.Host.SignInAsync("admin", ct);
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(admin, KenAllSample.Utf8(), ct)).StatusCode);
        var before = await admin.GetStringAsync(new Uri("/api/postal/dataset", UriKind.Relative), ct);
        var other = KenAllSample.Utf8(KenAllSample.Line("9990200", "西町", "ﾆｼﾏﾁ") + "bad line\r\n");

        // Act
        var dryRun = await UploadAsync(admin, other, ct, dryRun: true);

        // Assert
        Assert.Equal(HttpStatusCode.OK, dryRun.StatusCode);
        var result = await JsonAsync(dryRun, ct);
        Assert.False(result.GetProperty("stored").GetBoolean());
        Assert.True(result.GetProperty("dryRun").GetBoolean());
        Assert.Equal(1, result.GetProperty("entries").GetInt32());
        Assert.Equal(2, result.GetProperty("malformed")[0].GetProperty("line").GetInt32());
        Assert.Equal(before, await admin.GetStringAsync(new Uri("/api/postal/dataset", UriKind.Relative), ct));
        using var citizen = fixture.Host.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync(new Uri("/api/postal/9990200", UriKind.Relative), ct)).StatusCode);
    }

    [Fact]
    public async Task Upload_NoValidLine_400AndNothingStored()
    {
        var ct = TestTimeout.Token();
        using var admin = await fixture.Host.SignInAsync("admin", ct);

        var upload = await UploadAsync(admin, KenAllSample.Utf8("a,b,c\r\n"), ct);

        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
        var problem = await JsonAsync(upload, ct);
        Assert.Equal("郵便番号データとして読める行がありません（1 行のうち不正な行 1 行）。保存していません。", problem.GetProperty("title").GetString());
        Assert.False(problem.GetProperty("result").GetProperty("stored").GetBoolean());
    }

    [Fact]
    public async Task FromPath_ServerFile_LoadedAndReported()
    {
        var ct = TestTimeout.Token();
        using var admin = await fixture.Host.SignInAsync("admin", ct);
        var path = Path.Combine(Path.GetTempPath(), $"ken_all_{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(path, KenAllSample.ShiftJis(KenAllSample.Line("9990300", "港町", "ﾐﾅﾄﾏﾁ")), ct);
        try
        {
            var load = await admin.PostAsJsonAsync(new Uri("/api/postal/dataset/from-path", UriKind.Relative), new { path }, ct);
            var missing = await admin.PostAsJsonAsync(new Uri("/api/postal/dataset/from-path", UriKind.Relative), new { path = path + ".missing" }, ct);
            var relative = await admin.PostAsJsonAsync(new Uri("/api/postal/dataset/from-path", UriKind.Relative), new { path = "ken_all.csv" }, ct);

            Assert.Equal(HttpStatusCode.OK, load.StatusCode);
            Assert.Equal(path, (await JsonAsync(load, ct)).GetProperty("sourceName").GetString());
            using var citizen = fixture.Host.CreateBrowserClient();
            Assert.Equal("港町", (await JsonAsync(await citizen.GetAsync(new Uri("/api/postal/9990300", UriKind.Relative), ct), ct))[0].GetProperty("town").GetString());
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
            Assert.Equal("ファイルが見つかりません：" + path + ".missing", (await JsonAsync(missing, ct)).GetProperty("title").GetString());
            Assert.Equal(HttpStatusCode.BadRequest, relative.StatusCode);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Dataset_Anonymous401_Operator403()
    {
        var ct = TestTimeout.Token();
        using var anonymous = fixture.Host.CreateBrowserClient();
        using var operatorClient = await fixture.Host.SignInAsync("operator", ct);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/postal/dataset", UriKind.Relative), ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await UploadAsync(anonymous, KenAllSample.Utf8(), ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(operatorClient, KenAllSample.Utf8(), ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.PostAsJsonAsync(new Uri("/api/postal/dataset/from-path", UriKind.Relative), new { path = "/etc/hostname" }, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.GetAsync(new Uri("/api/postal/dataset", UriKind.Relative), ct)).StatusCode);
    }

    [Fact]
    public async Task Upload_WrongContentType_415()
    {
        var ct = TestTimeout.Token();
        using var admin = await fixture.Host.SignInAsync("admin", ct);
        using var body = new StringContent("x", System.Text.Encoding.UTF8, "text/plain");

        var upload = await admin.PostAsync(new Uri("/api/postal/dataset", UriKind.Relative), body, ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, upload.StatusCode);
    }
}

public sealed class SqlitePostalApiTests(SqliteHostFixture fixture) : PostalApiTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class PostgresPostalApiTests(PostgresHostFixture fixture) : PostalApiTests(fixture), IClassFixture<PostgresHostFixture>;
