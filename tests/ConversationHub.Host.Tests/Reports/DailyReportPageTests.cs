using System.Net;
using ConversationHub.Core.Calendar;
using ConversationHub.Core.ContactEvents.Domain;
using ConversationHub.Core.ContactEvents.Rollup;
using ConversationHub.Core.ContactEvents.Services;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Cases;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Reports;

/// <summary>
/// The daily report page (<c>/console/reports</c>, issue 18): yesterday's figures per Japan-time hour from the roll-up,
/// the whole center for supervisors and administrators, only their department's rows for department staff.
/// </summary>
public sealed class DailyReportPageTests
{
    /// <summary>The day seeded: Wednesday 18 Nov 2026, a working day after a working day, so its report is that day alone.</summary>
    internal static readonly DateOnly Day = new(2026, 11, 18);

    // Wednesday 18 Nov 2026 in Japan: two web chat arrivals and an answer after 9.9 s at 9時, an escalation to 市民課 and one to another
    // department at 10時, and an arrival the day before (not in the report).
    internal static async Task<Guid> SeedAsync(HubHost host, CancellationToken ct)
    {
        DateTime At(int hour, int minute, int dayOffset = 0) => JapanTime.At(Day.AddDays(dayOffset), new TimeOnly(hour, minute)).UtcDateTime;
        var citizens = await CaseTestSupport.DepartmentAsync(host, CaseTestSupport.CitizensDivision);
        var other = await CaseTestSupport.DepartmentAsync(host, null, except: CaseTestSupport.CitizensDivision);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        await scope.ServiceProvider.GetRequiredService<IContactEventRecorder>().RecordAsync(db,
        [
            new("report:a1", ContactEventKind.Arrived, ContactChannel.WebChat, At(9, 5)),
            new("report:a2", ContactEventKind.Arrived, ContactChannel.Line, At(9, 55)),
            new("report:answered", ContactEventKind.Answered, ContactChannel.WebChat, At(9, 6)) { WaitMs = 9_900 },
            new("report:esc1", ContactEventKind.Escalated, ContactChannel.WebChat, At(10, 30)) { DepartmentId = citizens },
            new("report:esc2", ContactEventKind.Escalated, ContactChannel.Manual, At(10, 40)) { DepartmentId = other },
            new("report:before", ContactEventKind.Arrived, ContactChannel.WebChat, At(23, 0, dayOffset: -1)),
        ], ct);
        await scope.ServiceProvider.GetRequiredService<ContactRollupPass>().RunAsync(1000, ct);
        return citizens;
    }

    // The figures of one row (its header's text, then its cells), from the report's hourly table.
    private static Dictionary<string, string[]> Rows(string html) => ReportSeed.Rows(html, "daily");

    [Fact]
    public async Task DailyReport_PerRole_ShowsTheCenterOrTheDepartmentsRows()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        await SeedAsync(host, ct);
        using var supervisor = await host.SignInAsync("supervisor", ct);
        using var staff = await host.SignInAsync("dept-staff", ct);
        using var operatorClient = await host.SignInAsync("operator", ct);

        // Act
        var center = await supervisor.GetStringAsync(new Uri("/console/reports?date=2026-11-18", UriKind.Relative), ct);
        var department = await staff.GetStringAsync(new Uri("/console/reports?date=2026-11-18", UriKind.Relative), ct);
        using var denied = await operatorClient.GetAsync(new Uri("/console/reports", UriKind.Relative), ct);
        using var bad = await supervisor.GetAsync(new Uri("/console/reports?date=2026-13-01", UriKind.Relative), ct);

        // Assert: columns are 受付, ボット回答, 引継ぎ, 応答, 10秒以内, 放棄, 転送, エスカレーション, 完了, 積滞, 満足度回答.
        var rows = Rows(center);
        Assert.Equal(25, rows.Count);
        Assert.Equal(["2", "0", "0", "1", "1", "0", "0", "0", "0", "0", "0"], rows["9時～10時"]);
        Assert.Equal(["0", "0", "0", "0", "0", "0", "0", "2", "0", "0", "0"], rows["10時～11時"]);
        Assert.Equal(["0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"], rows["0時～1時"]);
        Assert.Equal(["2", "0", "0", "1", "1", "0", "0", "2", "0", "0", "0"], rows["合計"]);
        Assert.Contains("<caption id=\"daily-caption\">", center, StringComparison.Ordinal);
        var mine = Rows(department);
        Assert.Equal(["0", "0", "0", "0", "0", "0", "0", "1", "0", "0", "0"], mine["10時～11時"]);
        Assert.Equal("0", mine["9時～10時"][0]);
        Assert.Contains("市民課の件数のみ", department, StringComparison.Ordinal);
        Assert.True(HubHost.IsRedirectTo(denied, "/account/denied"), denied.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("yyyy-MM-dd", await bad.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

}

/// <summary>
/// The reports filtered by program (施策, issue 19): only the contacts that came through the program are counted, the
/// export carries the filter, the center-wide lists are left out, and an unknown program is refused.
/// </summary>
public sealed class ProgramReportFilterTests
{
    [Fact]
    public async Task Reports_FilteredByProgram_CountOnlyItsContacts()
    {
        // Arrange: the day of DailyReportPageTests plus three arrivals and a hand-off through a program at 11時.
        var ct = TestTimeout.Token(120);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite);
        await DailyReportPageTests.SeedAsync(host, ct);
        var day = DailyReportPageTests.Day;
        DateTime At(int hour, int minute) => JapanTime.At(day, new TimeOnly(hour, minute)).UtcDateTime;
        Guid programId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var handoff = scope.ServiceProvider.GetRequiredService<ConversationHub.Handoff.Persistence.HandoffDbContext>();
            var program = new ConversationHub.Handoff.Programs.ProgramDefinition("filtertest", "報告テスト施策", day.AddDays(-10), day.AddDays(30), day.AddDays(60), DateTime.UtcNow);
            handoff.Programs.Add(program);
            await handoff.SaveChangesAsync(ct);
            programId = program.Id;
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            await scope.ServiceProvider.GetRequiredService<IContactEventRecorder>().RecordAsync(db,
            [
                new("program:a1", ContactEventKind.Arrived, ContactChannel.WebChat, At(11, 5)) { ProgramId = programId },
                new("program:a2", ContactEventKind.Arrived, ContactChannel.Voice, At(11, 6)) { ProgramId = programId },
                new("program:a3", ContactEventKind.Arrived, ContactChannel.Line, At(11, 7)) { ProgramId = programId },
                new("program:h1", ContactEventKind.HandedOff, ContactChannel.WebChat, At(11, 8)) { ProgramId = programId },
            ], ct);
            await scope.ServiceProvider.GetRequiredService<ContactRollupPass>().RunAsync(1000, ct);
        }

        using var supervisor = await host.SignInAsync("supervisor", ct);

        // Act
        var all = await supervisor.GetStringAsync(new Uri("/console/reports?date=2026-11-18", UriKind.Relative), ct);
        var filtered = await supervisor.GetStringAsync(new Uri("/console/reports?date=2026-11-18&program=filtertest", UriKind.Relative), ct);
        var csv = await supervisor.GetStringAsync(new Uri("/console/reports/export/daily?date=2026-11-18&program=filtertest&format=csv&encoding=utf8", UriKind.Relative), ct);
        using var unknown = await supervisor.GetAsync(new Uri("/console/reports?date=2026-11-18&program=nosuch", UriKind.Relative), ct);

        // Assert: columns are 受付, ボット回答, 引継ぎ, 応答, 10秒以内, 放棄, 転送, エスカレーション, 完了, 積滞, 満足度回答.
        Assert.Equal(["5", "0", "1", "1", "1", "0", "0", "2", "0", "0", "0"], ReportSeed.Rows(all, "daily")["合計"]);
        var mine = ReportSeed.Rows(filtered, "daily");
        Assert.Equal(["3", "0", "1", "0", "0", "0", "0", "0", "0", "0", "0"], mine["合計"]);
        Assert.Equal(["3", "0", "1", "0", "0", "0", "0", "0", "0", "0", "0"], mine["11時～12時"]);
        Assert.Contains("施策「報告テスト施策」の受付だけを集計しています。", filtered, StringComparison.Ordinal);
        Assert.Contains("<option value=\"filtertest\" selected=\"selected\">", filtered, StringComparison.Ordinal);
        Assert.Contains("program=filtertest", filtered, StringComparison.Ordinal);
        Assert.Contains("id=\"proposals-caption\"", all, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"proposals-caption\"", filtered, StringComparison.Ordinal);
        Assert.Contains("11時～12時,3,0,1,", csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("指定された施策が見つかりません", await unknown.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }
}
