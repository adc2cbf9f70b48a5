using System.Globalization;
using System.Net;
using System.Text;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Cases;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Programs;
using ConversationHub.Handoff.Programs.Forms;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Programs.Forms;

/// <summary>
/// The CSV for the city's own system (issue 19): the form's column layout (order, headers, formats), UTF-8 with BOM or
/// Shift_JIS, formula-guarded cells, downloaded on demand (audited) and made daily for the previous Japan day, once
/// however many nodes try.
/// </summary>
public abstract class ProgramFormExportTests(DatabaseProvider provider)
{
    private static readonly FormExportColumn[] Layout =
    [
        new(FormExportColumn.Meta.TakenAt, "受付日", FormColumnFormat.DateSlashes),
        new("name", "氏名"),
        new("kana", "フリガナ"),
        new("birth", "生年月日", FormColumnFormat.DateWareki),
        new("phone", "電話", FormColumnFormat.PhoneDigits),
        new("zip", "郵便番号"),
        new("zip.address", "住所"),
        new("shirt", "サイズ"),
    ];

    static ProgramFormExportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData(CaseCsvEncoding.Utf8)]
    [InlineData(CaseCsvEncoding.ShiftJis)]
    public async Task Export_OnDemandWithLayout_ReadsBackInItsEncodingAndIsAudited(CaseCsvEncoding encoding)
    {
        // Arrange: one entry, taken at 10:00 on 7 December in Japan.
        var ct = TestTimeout.Token(180);
        var clock = new TestClock(new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero));
        await using var database = await TestDatabase.CreateAsync(provider, ct);
        await using var host = Start(database, clock);
        var program = await ProgramFormTestData.ProgramAsync(host, ct);
        var form = await ProgramFormTestData.FormAsync(host, program, ct, columns: Layout, encoding: encoding);
        await TakeAsync(host, form, "=若葉 花子", ct);
        using var supervisor = await host.SignInAsync("supervisor", ct);

        // Act
        using var response = await supervisor.GetAsync(new Uri(
            $"/console/programs/forms?program={program.Code}&handler=Export&form={form.FormId}&from=2026-12-01&to=2026-12-07", UriKind.Relative), ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        var rows = Read(bytes, encoding);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(encoding == CaseCsvEncoding.Utf8, bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }));
        Assert.Equal(["受付日", "氏名", "フリガナ", "生年月日", "電話", "郵便番号", "住所", "サイズ"], rows[0]);
        Assert.Equal(["2026/12/07 10:00", "'=若葉 花子", "ワカバ　ハナコ", "昭和50年4月1日", "09012345678", "999-0001", "", "S、M"], rows[1]);
        Assert.Equal(2, rows.Count);
        await using var scope = host.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<HubDbContext>().AuditLog.AsNoTracking()
            .SingleAsync(a => a.Action == FormAuditActions.Exported && a.Target == "program-form:" + form.FormId, ct);
        Assert.Contains("rows 1", audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Daily_ManyRunnersAfterSixInJapan_PreviousDaysFileMadeOnceAndDownloadable()
    {
        // Arrange: entries on 7 December; at 05:00 on the 8th nothing is due, at 06:30 the 7th's file is.
        var ct = TestTimeout.Token(180);
        var clock = new TestClock(new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero));
        await using var database = await TestDatabase.CreateAsync(provider, ct);
        await using var host = Start(database, clock);
        var program = await ProgramFormTestData.ProgramAsync(host, ct);
        var form = await ProgramFormTestData.FormAsync(host, program, ct, columns: Layout);
        await TakeAsync(host, form, "若葉 花子", ct);
        await TakeAsync(host, form, "若葉 太郎", ct);
        clock.Advance(TimeSpan.FromHours(19));
        var tooEarly = await host.Services.GetRequiredService<DailyFormExportRunner>().RunAsync(ct);
        clock.Advance(TimeSpan.FromMinutes(90));

        // Act: four runners at once (as four nodes would), then one more pass.
        var runners = Enumerable.Range(0, 4).Select(_ => ActivatorUtilities.CreateInstance<DailyFormExportRunner>(host.Services)).ToList();
        var made = await Task.WhenAll(runners.Select(r => r.RunAsync(ct)));
        var again = await runners[0].RunAsync(ct);
        using var supervisor = await host.SignInAsync("supervisor", ct);
        var list = await supervisor.GetStringAsync(new Uri($"/console/programs/forms?program={program.Code}", UriKind.Relative), ct);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var file = await db.ProgramFormExports.AsNoTracking().SingleAsync(e => e.FormId == form.FormId, ct);
        // The demo city's forms get their daily files too: once per form, whatever the number of runners.
        var forms = await db.ProgramFormVersions.Select(v => v.FormId).Distinct().CountAsync(ct);
        using var download = await supervisor.GetAsync(new Uri($"/console/programs/forms?program={program.Code}&handler=Daily&id={file.Id}", UriKind.Relative), ct);
        var rows = Read(await download.Content.ReadAsByteArrayAsync(ct), CaseCsvEncoding.Utf8);

        // Assert
        Assert.Equal(0, tooEarly);
        Assert.Equal(forms, made.Sum());
        Assert.Equal(0, again);
        Assert.Equal((new DateOnly(2026, 12, 7), 2), (file.Day, file.Rows));
        Assert.Contains("2026-12-07", list, StringComparison.Ordinal);
        Assert.Contains($"handler=Daily&id={file.Id}", WebUtility.HtmlDecode(list), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(3, rows.Count);
        Assert.Equal(["若葉 花子", "若葉 太郎"], rows.Skip(1).Select(r => r[1]));
        var audited = await scope.ServiceProvider.GetRequiredService<HubDbContext>().AuditLog.AsNoTracking()
            .Where(a => a.Action == FormAuditActions.Exported && a.Target == "program-form:" + form.FormId).Select(a => a.Detail).ToListAsync(ct);
        Assert.Contains(audited, d => d!.Contains("daily 2026-12-07", StringComparison.Ordinal));
    }

    private static HubHost Start(TestDatabase database, TestClock clock) => HubHost.Start(database, ownsDatabase: false, TestPii.CreateOptions(),
        new Dictionary<string, string?> { ["Programs:Forms:DailyEnabled"] = "false" }, services => services.AddSingleton<TimeProvider>(clock));

    internal static async Task TakeAsync(HubHost host, FormDefinition form, string name, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var inputs = ProgramFormTestData.GoodAnswers(name).GroupBy(a => a.Key[2..])
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(a => a.Value)], StringComparer.Ordinal);
        var checkedAnswers = scope.ServiceProvider.GetRequiredService<FormAnswers>().Check(form, inputs);
        Assert.True(checkedAnswers.IsValid, string.Join(" ", checkedAnswers.Errors.Values));
        var taken = await scope.ServiceProvider.GetRequiredService<ProgramFormEntries>()
            .TakeAsync(form, checkedAnswers.Values, ProgramFormEntry.AgentSource, null, null, null, saveAnyway: true, ct);
        Assert.NotNull(taken.Entry);
    }

    private static List<string[]> Read(byte[] bytes, CaseCsvEncoding encoding)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), CaseExport.EncodingOf(encoding));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(csv.Parser.Record!);
        }

        return rows;
    }
}

public sealed class SqliteProgramFormExportTests() : ProgramFormExportTests(DatabaseProvider.Sqlite);

public sealed class PostgresProgramFormExportTests() : ProgramFormExportTests(DatabaseProvider.Postgres);
