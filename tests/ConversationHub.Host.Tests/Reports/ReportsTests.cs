using System.Net;
using System.Text;
using ClosedXML.Excel;
using ConversationHub.Core.Audit;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Reports;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Reports;

/// <summary>
/// The monthly, final and daily reports (issue 18) on November 2026 (<see cref="ReportSeed"/>): the tables' numbers,
/// the SLA verdicts, the access changes from the audit log, the closed-day rule, the exports (CSV bytes in both
/// encodings, a workbook ClosedXML reads back, formulas neutralised, every export audited), department staff's rows,
/// and the scheduled generation made once by concurrent and repeated passes.
/// </summary>
public abstract class ReportsTests(DatabaseProvider provider)
{
    private static Uri Url(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task MonthlyReport_November_TablesSlaAccessChangesAndExports()
    {
        // Arrange
        var ct = TestTimeout.Token(240);
        var clock = new TestClock(ReportSeed.SeedTime);
        await using var database = await TestDatabase.CreateAsync(provider, ct);
        await using var host = ReportSeed.Start(database, clock);
        await ReportSeed.SeedAsync(host, ct);
        clock.Advance(TimeSpan.FromDays(8));
        using var supervisor = await host.SignInAsync("supervisor", ct);
        using var staff = await host.SignInAsync("dept-staff", ct);

        // Act
        var page = await supervisor.GetStringAsync(Url("/console/reports/monthly?month=2026-11"), ct);
        var mine = await staff.GetStringAsync(Url("/console/reports/monthly?month=2026-11"), ct);
        var utf8 = await supervisor.GetByteArrayAsync(Url("/console/reports/export/monthly?month=2026-11&format=csv&encoding=utf8"), ct);
        var sjis = await supervisor.GetByteArrayAsync(Url("/console/reports/export/monthly?month=2026-11&format=csv&encoding=sjis"), ct);
        var xlsx = await supervisor.GetByteArrayAsync(Url("/console/reports/export/monthly?month=2026-11&format=xlsx"), ct);
        var staffCsv = await staff.GetByteArrayAsync(Url("/console/reports/export/monthly?month=2026-11&format=csv"), ct);
        var final = await supervisor.GetStringAsync(Url("/console/reports/final?from=2026-10&to=2026-11"), ct);
        using var badMonth = await supervisor.GetAsync(Url("/console/reports/monthly?month=2026-13"), ct);
        using var badFormat = await supervisor.GetAsync(Url("/console/reports/export/monthly?month=2026-11&format=pdf"), ct);

        // Assert: per day (受付, ボット回答, 引継ぎ, 応答, 10秒以内, 放棄, 転送, エスカレーション, 完了, 積滞, 満足度回答).
        var days = ReportSeed.Rows(page, "days");
        Assert.Equal(31, days.Count);
        Assert.Equal(["12", "0", "0", "11", "10", "1", "1", "2", "0", "0", "0"], days["11月2日（月）"]);
        Assert.Equal(["3", "0", "0", "1", "1", "0", "0", "0", "0", "2", "0"], days["11月24日（火）"]);
        Assert.Equal(["16", "0", "0", "12", "11", "1", "1", "2", "0", "2", "0"], days["合計"]);
        var channels = ReportSeed.Rows(page, "channels");
        Assert.Equal(["11", "0", "0", "9", "8", "1", "1", "1", "0", "0", "0"], channels["Webチャット"]);
        Assert.Equal(["0", "0", "0", "0", "0", "0", "0", "1", "0", "0", "0"], channels["職員入力"]);

        var sla = ReportSeed.Rows(page, "sla");
        Assert.Equal(["90.0%", "92.3%", "達成"], sla["応答率"]);
        Assert.Equal(["85.0%", "91.7%", "達成"], sla["一次解決率"]);
        Assert.Equal(["95.0%", "91.7%", "未達"], sla["10秒以内応答率"]);
        Assert.Equal(["99.5%", "99.4%", "未達"], sla["稼働率"]);

        var departments = ReportSeed.Rows(page, "departments");
        Assert.Equal(["0", "1"], departments["市民課"]);
        Assert.Equal(["1", "0"], departments["（部署なし）"]);
        Assert.Equal(["1", "2"], departments["合計"]);
        Assert.Equal(4, departments.Count);

        var heat = ReportSeed.Rows(page, "heatmap");
        Assert.Equal(["12", "3", "0", "0", "0", "1", "0"], [heat["9時～10時"][0], heat["14時～15時"][1], heat["9時～10時"][1], heat["0時～1時"][0], heat["9時～10時"][6], heat["10時～11時"][5], heat["10時～11時"][0]]);

        var access = ReportSeed.RowList(page, "access").Select(r => r.Cells).ToList();
        Assert.Equal(4, access.Count);
        Assert.Equal(["新規", "tanaka", "", "admin"], access[0]);
        Assert.Equal(["権限付与", "tanaka", "Operator", "admin"], access[1]);
        Assert.Equal("権限削除", access[2][0]);
        Assert.Equal(["無効化", "sato", "", "admin"], access[3]);

        var proposals = ReportSeed.Rows(page, "proposals");
        Assert.Equal(["粗大ごみの出し方を知りたい", "コンソール", "新規"], Assert.Single(proposals).Value);

        // Department staff: only 市民課's rows, no center-wide tables.
        Assert.Equal(["0", "0", "0", "0", "0", "0", "0", "1", "0", "0", "0"], ReportSeed.Rows(mine, "days")["11月2日（月）"]);
        Assert.Equal(["0", "1"], Assert.Single(ReportSeed.Rows(mine, "departments"), r => r.Key != "合計").Value);
        Assert.DoesNotContain("id=\"report-sla\"", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"report-access\"", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("\r\n（部署なし）,1,0\r\n", Encoding.UTF8.GetString(staffCsv), StringComparison.Ordinal);

        // CSV: UTF-8 with a BOM; the Shift_JIS file reads back as the same text; the formula-like role is neutralised.
        Assert.Equal([0xEF, 0xBB, 0xBF], utf8[..3]);
        var text = Encoding.UTF8.GetString(utf8[3..]);
        Assert.Contains("応答率,90.0%,92.3%,達成", text, StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK", text, StringComparison.Ordinal);
        Assert.Contains("\r\n（部署なし）,1,0\r\n", text, StringComparison.Ordinal);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Assert.NotEqual(0xEF, sjis[0]);
        Assert.Equal(text, Encoding.GetEncoding(932).GetString(sjis));

        // .xlsx: ClosedXML reads it back; numbers are numbers, ratios are numbers, the formula-like text is text.
        using (var workbook = new XLWorkbook(new MemoryStream(xlsx)))
        {
            var slaSheet = workbook.Worksheets.Single(w => w.Cell(2, 1).GetString().StartsWith("SLA", StringComparison.Ordinal));
            Assert.Equal("応答率", slaSheet.Cell(4, 1).GetString());
            Assert.Equal(0.923077, slaSheet.Cell(4, 3).GetDouble(), 6);
            Assert.Equal("達成", slaSheet.Cell(4, 4).GetString());
            var accessSheet = workbook.Worksheets.Single(w => w.Cell(2, 1).GetString().StartsWith("利用者権限の変更", StringComparison.Ordinal));
            Assert.All(accessSheet.CellsUsed(), c => Assert.False(c.HasFormula));
            Assert.Contains(accessSheet.CellsUsed(), c => c.GetString().Contains("=HYPERLINK", StringComparison.Ordinal));
        }

        // Final report: October and November with the period's totals, and each month's SLA.
        var months = ReportSeed.Rows(final, "months");
        Assert.Equal("0", months["2026年10月"][0]);
        Assert.Equal("16", months["2026年11月"][0]);
        Assert.Equal("16", months["合計"][0]);
        var slaMonths = ReportSeed.Rows(final, "sla-months");
        Assert.Equal(["", "", "", "", "", "", "", ""], slaMonths["2026年10月"]);
        Assert.Equal(["92.3%", "達成", "91.7%", "達成", "91.7%", "未達", "99.4%", "未達"], slaMonths["2026年11月"]);

        Assert.Equal(HttpStatusCode.BadRequest, badMonth.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        await using var scope = host.Services.CreateAsyncScope();
        var hub = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var exports = await hub.AuditLog.AsNoTracking().Where(e => e.Action == AuditActions.Exported && e.Target == "report:monthly:2026-11").ToListAsync(ct);
        Assert.Equal(4, exports.Count);
        Assert.Contains(exports, e => e.ActorName == "dept-staff" && e.Detail!.Contains("department", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DailyAndScheduled_ClosedDaysAndOneRunPerReport()
    {
        // Arrange
        var ct = TestTimeout.Token(240);
        var clock = new TestClock(ReportSeed.SeedTime);
        await using var database = await TestDatabase.CreateAsync(provider, ct);
        await using var host = ReportSeed.Start(database, clock);
        await ReportSeed.SeedAsync(host, ct);
        var runner = host.Services.GetRequiredService<ScheduledReportRunner>();

        // Act: the report covering Saturday 21 Nov (closed), and the newest complete one on Monday 30 Nov (Friday's).
        string saturday, latest;
        using (var early = await host.SignInAsync("supervisor", ct))
        {
            saturday = await early.GetStringAsync(Url("/console/reports?date=2026-11-21"), ct);
            latest = await early.GetStringAsync(Url("/console/reports"), ct);
        }

        // Tuesday 8 Dec, 05:59 and 06:30 Japan time: the daily report of Monday 7 Dec (with 5–6 Dec) and, on December's
        // fifth working day or later, November's; two passes at once, then again.
        clock.Advance(new DateTimeOffset(2026, 12, 7, 20, 59, 0, TimeSpan.Zero) - clock.GetUtcNow());
        var beforeSix = await runner.RunAsync(ct);
        clock.Advance(TimeSpan.FromMinutes(31));
        var both = await Task.WhenAll(runner.RunAsync(ct), runner.RunAsync(ct));
        var again = await runner.RunAsync(ct);
        using var supervisor = await host.SignInAsync("supervisor", ct);
        using var staff = await host.SignInAsync("dept-staff", ct);
        var list = await supervisor.GetStringAsync(Url("/console/reports"), ct);

        // Assert
        Assert.Contains("対象期間: 2026年11月21日（土）～2026年11月24日（火）", saturday, StringComparison.Ordinal);
        var hours = ReportSeed.Rows(saturday, "daily");
        Assert.Equal("1", hours["10時～11時"][0]);
        Assert.Equal("3", hours["14時～15時"][0]);
        Assert.Equal("4", hours["合計"][0]);
        Assert.Equal(["粗大ごみの出し方を知りたい", "コンソール", "新規"], Assert.Single(ReportSeed.Rows(saturday, "proposals")).Value);
        Assert.Contains("対象期間: 2026年11月27日（金）<", latest, StringComparison.Ordinal);

        Assert.Empty(beforeSix);
        Assert.Equal(
            [("daily", "2026-12-05..2026-12-07"), ("monthly", "2026-11")],
            both.SelectMany(b => b).OrderBy(r => r.Kind, StringComparer.Ordinal).ToList());
        Assert.Empty(again);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var kept = await db.GeneratedReports.AsNoTracking().OrderBy(r => r.Kind).ToListAsync(ct);
        Assert.Equal(2, kept.Count);
        Assert.All(kept, r => Assert.NotNull(r.GeneratedAtUtc));
        var monthly = kept.Single(r => r.Kind == ReportKinds.Monthly);
        Assert.Contains("応答率,90.0%,92.3%,達成", Encoding.UTF8.GetString(monthly.Csv!), StringComparison.Ordinal);
        Assert.Contains($"/console/reports/generated/{monthly.Id}.xlsx", list, StringComparison.Ordinal);

        using var download = await supervisor.GetAsync(Url($"/console/reports/generated/{monthly.Id}.xlsx"), ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        using (var workbook = new XLWorkbook(new MemoryStream(await download.Content.ReadAsByteArrayAsync(ct))))
        {
            Assert.True(workbook.Worksheets.Count >= 6);
        }

        using var denied = await staff.GetAsync(Url($"/console/reports/generated/{monthly.Id}.csv"), ct);
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
        Assert.DoesNotContain("/console/reports/generated/", await staff.GetStringAsync(Url("/console/reports"), ct), StringComparison.Ordinal);
    }
}

public sealed class SqliteReportsTests() : ReportsTests(DatabaseProvider.Sqlite);

public sealed class PostgresReportsTests() : ReportsTests(DatabaseProvider.Postgres);
