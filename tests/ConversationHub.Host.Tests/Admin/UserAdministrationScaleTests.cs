using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Xunit.Abstractions;

namespace ConversationHub.Host.Tests.Admin;

/// <summary>
/// The expected scale (issue 18: 300 department and approver accounts) through the CSV import, and the list pages them
/// 50 at a time with the filters applied in the database. The timings go to the test output for the record; the test
/// asserts what is shown, not how fast.
/// </summary>
public sealed class UserAdministrationScaleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Import_ThreeHundredDepartmentAccounts_ListPagesAndFiltersThem()
    {
        // Arrange: 150 department staff and 150 approvers of 市民課.
        var ct = TestTimeout.Token(420);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, cancellationToken: ct);
        // 300 password hashes and 600 audit entries take a minute on a loaded two-core machine: more than HttpClient's 100 s default allows for.
        var cookies = new CookieContainer();
        (await host.SignInAsync("admin", cookies, ct)).Dispose();
        using var admin = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = host.ClientOptions.BaseAddress, Timeout = TimeSpan.FromMinutes(4) };
        var csv = new StringBuilder("staff_id,display_name,roles,department_code\n");
        for (var i = 1; i <= 300; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"dept-{i:D3},職員 {i},{(i % 2 == 0 ? "Approver" : "DepartmentStaff")},100100\n");
        }

        // Act
        var clock = Stopwatch.StartNew();
        var imported = await AdminForms.ImportAsync(admin, csv.ToString(), ct);
        var importTime = clock.Elapsed;
        clock.Restart();
        var first = await admin.GetStringAsync(new Uri("/console/admin/users", UriKind.Relative), ct);
        var firstTime = clock.Elapsed;
        clock.Restart();
        var last = await admin.GetStringAsync(new Uri("/console/admin/users?role=Approver&q=DEPT-&p=3", UriKind.Relative), ct);
        var filteredTime = clock.Elapsed;
        output.WriteLine($"import of 300 rows: {importTime.TotalSeconds:F1} s; first list page: {firstTime.TotalMilliseconds:F0} ms; filtered page 3: {filteredTime.TotalMilliseconds:F0} ms");

        // Assert: every account made; the list shows 50 of them and the pages; the approvers' third page holds the last 50.
        Assert.Contains("取り込みました：作成 300件、更新 0件。", imported, StringComparison.Ordinal);
        Assert.Matches("全30[0-9]件中 1〜50件", first);
        Assert.Equal(50, CountRows(first));
        Assert.Contains("全150件中 101〜150件", last, StringComparison.Ordinal);
        Assert.Equal(50, CountRows(last));
        Assert.Contains("dept-300", last, StringComparison.Ordinal);
    }

    private static int CountRows(string page) =>
        page.Split("<a href=\"/console/admin/users/edit?staff=", StringSplitOptions.None).Length - 1;
}
