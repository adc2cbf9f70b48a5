using System.Net;
using System.Text;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.Admin;

/// <summary>監査ログ in the console (issue 18): administrators search, export and check the chain; nobody else sees it.</summary>
public sealed class AuditLogPageTests
{
    [Fact]
    public async Task Administrator_SearchesExportsAndVerifies_OthersAreRefused()
    {
        // Arrange: the operator fails once and signs in; the administrator signs in.
        var ct = TestTimeout.Token(120);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, cancellationToken: ct);
        using (var browser = host.CreateBrowserClient())
        {
            await FormPost.SubmitAsync(browser, "/account/login", new Dictionary<string, string>(StringComparer.Ordinal) { ["userName"] = "operator", ["password"] = "Wrong-Pass9" }, ct);
        }

        using var operatorClient = await host.SignInAsync("operator", ct);
        using var admin = await host.SignInAsync("admin", ct);

        // Act
        var failures = await admin.GetStringAsync(new Uri("/console/admin/audit?kind=signin.failed", UriKind.Relative), ct);
        var byStaff = await admin.GetStringAsync(new Uri("/console/admin/audit?staff=operator", UriKind.Relative), ct);
        using var csv = await admin.GetAsync(new Uri("/console/admin/audit?handler=csv&kind=signin.succeeded", UriKind.Relative), ct);
        var csvBytes = await csv.Content.ReadAsByteArrayAsync(ct);
        var verify = await FormPost.SubmitAsync(admin, "/console/admin/audit?handler=verify", new Dictionary<string, string>(StringComparer.Ordinal), ct);
        var verified = await verify.Content.ReadAsStringAsync(ct);
        using var refused = await operatorClient.GetAsync(new Uri("/console/admin/audit", UriKind.Relative), ct);
        var badRange = await admin.GetAsync(new Uri("/console/admin/audit?from=2026-12-06&to=2026-12-01", UriKind.Relative), ct);
        var log = await admin.GetStringAsync(new Uri("/console/admin/audit", UriKind.Relative), ct);

        // Assert: the failure with the typed id and address; the staff filter; CSV with BOM; the chain intact;
        // the operator refused; a reversed range explained; reading and exporting are themselves on the record.
        Assert.Contains("サインイン失敗", failures, StringComparison.Ordinal);
        Assert.Contains("<td>operator</td>", failures, StringComparison.Ordinal);
        Assert.Contains("<td>127.0.0.1</td>", failures, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>admin</td>", byStaff, StringComparison.Ordinal);
        Assert.Contains("<td>サインイン</td>", byStaff, StringComparison.Ordinal);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), csvBytes[..3]);
        var lines = Encoding.UTF8.GetString(csvBytes[3..]).Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("sequence,at_jst,action,staff", lines[0], StringComparison.Ordinal);
        Assert.Equal(2, lines.Count(l => l.Contains("\"signin.succeeded\"", StringComparison.Ordinal)));
        Assert.Contains("改ざんはありません", verified, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/denied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("終了日は開始日以降の日付を指定してください。", await badRange.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Contains("監査ログの閲覧", log, StringComparison.Ordinal);
        Assert.Contains("データ出力", log, StringComparison.Ordinal);
    }
}
