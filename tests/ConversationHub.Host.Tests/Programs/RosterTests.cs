using System.Net;
using System.Text;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Programs.Rosters;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Programs;

/// <summary>
/// Programs' rosters (issue 19) on each provider: import through a configured layout (UTF-8 and Shift_JIS, era dates),
/// all-or-nothing validation, look-ups by any member (audited without the searched values), status files, declinations,
/// a new roster version that keeps the statuses of the households it lists again, and who may do what.
/// </summary>
public abstract class RosterTests(DatabaseProvider provider)
{
    protected DatabaseProvider Provider { get; } = provider;

    [Fact]
    public async Task LookUp_ByHeadByChildByKana_FindsHouseholdAuditsOutcomeOnly()
    {
        // Arrange
        var ct = TestTimeout.Token(180);
        await using var host = await HubHost.StartAsync(Provider, cancellationToken: ct);
        var (_, imported) = await RosterTestData.CreateWithRosterAsync(host, ct);
        using var agent = await host.SignInAsync("operator", ct);

        // Act: the head without the space, a child with full-width digits in the postal code, a kana name in hiragana.
        var head = await RosterTestData.LookUpAsync(agent, "若葉太郎", "1985-04-01", "1234567", ct);
        var child = await RosterTestData.LookUpAsync(agent, "青葉　二葉", "令和3年2月28日", "１２３－４５６８", ct);
        var kana = await RosterTestData.LookUpAsync(agent, "やまだ みちこ", "1990/7/7", "987-6543", ct);
        var none = await RosterTestData.LookUpAsync(agent, "若葉 太郎", "1985-04-02", "123-4567", ct);
        var partial = await RosterTestData.LookUpAsync(agent, "若葉", "", "123", ct);

        // Assert
        Assert.True(imported.Done);
        Assert.Equal((3, 6), (imported.Households, imported.Members));
        Assert.Contains("配布対象です（名簿の2行目）", head.Body, StringComparison.Ordinal);
        Assert.Contains("若葉市中央1-2-3", head.Body, StringComparison.Ordinal);
        Assert.Contains("若葉 花子", head.Body, StringComparison.Ordinal);
        Assert.Contains("2020-05-10", head.Body, StringComparison.Ordinal);
        Assert.Contains("A-0001", head.Body, StringComparison.Ordinal);
        Assert.Contains("A-0002", child.Body, StringComparison.Ordinal);
        Assert.Contains("青葉 次郎", child.Body, StringComparison.Ordinal);
        Assert.Contains("2018-01-05", child.Body, StringComparison.Ordinal);
        Assert.Contains("ヤマダ ミチコ", kana.Body, StringComparison.Ordinal);
        Assert.Contains("該当する世帯は名簿にありません", none.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("若葉市中央", none.Body, StringComparison.Ordinal);
        Assert.Contains("郵便番号は7桁の数字で入力してください", partial.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("照会結果", partial.Body, StringComparison.Ordinal);
        await using var scope = host.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<HubDbContext>().AuditLog.AsNoTracking()
            .Where(e => e.Action == RosterAuditActions.Lookup).OrderBy(e => e.Sequence).ToListAsync(ct);
        Assert.Equal(["found 1 household(s)", "found 1 household(s)", "found 1 household(s)", "not found"], audit.Select(e => e.Detail));
        Assert.All(audit, e => Assert.Equal(("operator", "program:kosodate"), (e.ActorName, e.Target)));
        var logged = string.Join("\n", audit.Select(e => $"{e.Target} {e.Detail} {e.ActorName}")) + string.Join("\n", host.Logs);
        foreach (var searched in new[] { "若葉", "青葉", "やまだ", "1985", "1234567", "123-4567", "令和3" })
            Assert.DoesNotContain(searched, logged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ShiftJisWithoutHeaderColumnsByNumber_FindsChild()
    {
        // Arrange: the layout names columns by number; the file is Shift_JIS as Excel saves "CSV" on Japanese Windows.
        var ct = TestTimeout.Token(180);
        await using var host = await HubHost.StartAsync(Provider, cancellationToken: ct);
        var layout = new RosterLayout(false, RosterEncoding.ShiftJis, "1", "2", [new("5", "6")], "3", "4", null);
        var program = await RosterTestData.CreateProgramAsync(host, layout, ct);
        var file = RosterFileText.For(RosterEncoding.ShiftJis).GetBytes("""
            髙橋 健一,平成2年3月4日,5550001,若葉市北町1-1,髙橋 ゆい,R5.6.7
            佐藤 恵,H1.1.8,5550002,若葉市南町2-2,,
            """);

        // Act
        var imported = await RosterTestData.ImportAsync(host, program, file, ct);
        var asUtf8 = await RosterTestData.ImportAsync(host, program, RosterTestData.Utf8WithBom("髙橋 健一,平成2年3月4日,5550001,若葉市北町1-1,,"), ct);
        var child = await RosterTestData.FindAsync(host, program, "髙橋ゆい", "2023-06-07", "555-0001", ct);
        var showaEnd = await RosterTestData.FindAsync(host, program, "佐藤恵", "1989-01-08", "5550002", ct);

        // Assert: a UTF-8 file under a Shift_JIS layout is refused, and the Shift_JIS roster stays.
        Assert.True(imported.Done);
        Assert.False(asUtf8.Done);
        Assert.Contains("Shift_JIS", Assert.Single(asUtf8.Errors), StringComparison.Ordinal);
        var household = Assert.Single(child);
        Assert.Equal(["髙橋 健一", "髙橋 ゆい"], household.Members.Select(m => m.Name));
        Assert.Equal("555-0001", household.PostalCode);
        Assert.Single(showaEnd);
    }

    [Fact]
    public async Task Import_BadRows_RefusedWithRowNumbersNothingChanged()
    {
        // Arrange
        var ct = TestTimeout.Token(180);
        await using var host = await HubHost.StartAsync(Provider, cancellationToken: ct);
        var (program, first) = await RosterTestData.CreateWithRosterAsync(host, ct);
        var bad = """
            世帯番号,世帯主氏名,世帯主生年月日,子1氏名,子1生年月日,子2氏名,子2生年月日,郵便番号,住所
            B-0001,新井 一,1970-01-01,,,,,111-2222,若葉市一番町1
            B-0002,新井 二,平成31年5月1日,,,,,111-2223,若葉市一番町2
            B-0003,新井 三,1970-01-03,新井 子,,,,11-222,若葉市一番町3
            B-0001,新井 四,1970-01-04,,,,,111-2225,
            """;

        // Act
        var refused = await RosterTestData.ImportAsync(host, program, RosterTestData.Utf8WithBom(bad), ct);

        // Assert: every bad row is named; the first roster is still the one looked up, and nothing of the second was kept.
        Assert.False(refused.Done);
        Assert.Equal(
        [
            "3行目: 世帯主の生年月日を日付として読めません（例: 1985-04-01、1985/4/1、昭和60年4月1日、S60.4.1）。",
            "4行目: 子1の生年月日を日付として読めません（例: 1985-04-01、1985/4/1、昭和60年4月1日、S60.4.1）。",
            "4行目: 郵便番号は7桁の数字にしてください。",
            "5行目: 住所が空です。",
        ], refused.Errors);
        Assert.Single(await RosterTestData.FindAsync(host, program, "若葉 太郎", "1985-04-01", "123-4567", ct));
        Assert.Empty(await RosterTestData.FindAsync(host, program, "新井 一", "1970-01-01", "111-2222", ct));
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        // The program's rows only: the demo city's coupon program has a roster of its own.
        Assert.Equal(3, await db.RosterHouseholds.CountAsync(h => h.ProgramId == program.Id, ct));
        Assert.Equal(first.ImportId, (await db.RosterSettings.SingleAsync(s => s.ProgramId == program.Id, ct)).ActiveImportId);
        Assert.Equal(1, await db.RosterImports.CountAsync(i => i.ProgramId == program.Id, ct));
    }

    [Fact]
    public async Task Statuses_ByNumberAndByPerson_AppliedInDateOrder_BadFileChangesNothing()
    {
        // Arrange
        var ct = TestTimeout.Token(180);
        await using var host = await HubHost.StartAsync(Provider, cancellationToken: ct);
        var (program, _) = await RosterTestData.CreateWithRosterAsync(host, ct);
        var statuses = """
            世帯番号,氏名,生年月日,郵便番号,状態,日付
            ,青葉 一郎,H30/1/5,123-4568,再送付,2026-01-15
            A-0001,,,,配達済み,令和8年1月10日
            ,青葉 一郎,H30/1/5,123-4568,返戻,2026-01-11
            """;
        var bad = """
            世帯番号,氏名,生年月日,郵便番号,状態,日付
            A-0003,,,,配達済み,2026-01-20
            Z-9999,,,,配達済み,2026-01-20
            A-0003,,,,届いた,2026-01-20
            """;

        // Act
        var applied = await RosterTestData.ImportStatusesAsync(host, program, statuses, ct);
        var refused = await RosterTestData.ImportStatusesAsync(host, program, bad, ct);

        // Assert
        Assert.True(applied.Done);
        // Malformed rows first, then rows that match no household.
        Assert.Equal(["4行目: 状態は 配達済み・返戻・再送付 のいずれかにしてください。", "3行目: 名簿に該当する世帯がありません。"], refused.Errors);
        var first = Assert.Single(await RosterTestData.FindAsync(host, program, "若葉 太郎", "1985-04-01", "123-4567", ct));
        Assert.Equal((RosterDeliveryStatus.Delivered, new DateOnly(2026, 1, 10)), (first.Status, first.StatusOn));
        var second = Assert.Single(await RosterTestData.FindAsync(host, program, "青葉 次郎", "1980-12-03", "123-4568", ct));
        Assert.Equal((RosterDeliveryStatus.Resent, new DateOnly(2026, 1, 15)), (second.Status, second.StatusOn));
        Assert.Equal([RosterEventKind.Returned, RosterEventKind.Resent], second.History.Select(e => e.Kind));
        var third = Assert.Single(await RosterTestData.FindAsync(host, program, "ヤマダ ミチコ", "1990-07-07", "987-6543", ct));
        Assert.Null(third.Status);
        Assert.Empty(third.History);
    }

    [Fact]
    public async Task Decline_OnThePage_MarksHouseholdAuditedOnce_NewVersionKeepsIt()
    {
        // Arrange
        var ct = TestTimeout.Token(180);
        await using var host = await HubHost.StartAsync(Provider, cancellationToken: ct);
        var (program, _) = await RosterTestData.CreateWithRosterAsync(host, ct);
        await RosterTestData.ImportStatusesAsync(host, program, "世帯番号,氏名,生年月日,郵便番号,状態,日付\nA-0001,,,,配達済み,2026-01-10\nA-0002,,,,返戻,2026-01-11\n", ct);
        using var agent = await host.SignInAsync("supervisor", ct);
        var found = await RosterTestData.LookUpAsync(agent, "若葉 花子", "2020-05-10", "123-4567", ct);
        var household = RosterTestData.HouseholdIdOf(found.Body);
        (string, string)[] decline = [("household", household.ToString()), ("declinedOn", "2026-02-01"), ("name", "若葉 花子"), ("birthDate", "2020-05-10"), ("postalCode", "123-4567")];
        var v2 = """
            世帯番号,世帯主氏名,世帯主生年月日,子1氏名,子1生年月日,子2氏名,子2生年月日,郵便番号,住所
            N-0001,若葉 太郎,1985-04-01,若葉 花子,2020-05-10,若葉 三郎,2025-09-09,123-4567,若葉市中央1-2-3
            N-0004,緑川 四郎,1975-05-05,,,,,123-4569,若葉市緑町9
            """;

        // Act
        var declined = await Admin.AdminForms.PostAsync(agent, RosterTestData.Page, "decline", decline, ct);
        var again = await Admin.AdminForms.PostAsync(agent, RosterTestData.Page, "decline", decline, ct);
        var replaced = await RosterTestData.ImportAsync(host, program, RosterTestData.Utf8WithBom(v2), ct);

        // Assert: declined with the day and who took it, once; the new version keeps it for the same head and drops the
        // household it no longer lists, with its history; only the new version's rows remain.
        Assert.Contains("辞退届を受け付けました。", declined.Body, StringComparison.Ordinal);
        Assert.Contains("辞退済み（2026-02-01、受付: supervisor）", declined.Body, StringComparison.Ordinal);
        Assert.Contains("この世帯は 2026-02-01 に辞退済みです。", again.Body, StringComparison.Ordinal);
        Assert.True(replaced.Done);
        var kept = Assert.Single(await RosterTestData.FindAsync(host, program, "若葉 三郎", "2025-09-09", "123-4567", ct));
        Assert.Equal((new DateOnly(2026, 2, 1), "supervisor", RosterDeliveryStatus.Delivered), (kept.DeclinedOn, kept.DeclinedBy, kept.Status));
        Assert.Equal([RosterEventKind.Delivered, RosterEventKind.Declined], kept.History.Select(e => e.Kind));
        Assert.Equal("N-0001", kept.Number);
        Assert.Empty(await RosterTestData.FindAsync(host, program, "青葉 次郎", "1980-12-03", "123-4568", ct));
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        Assert.Equal(2, await db.RosterHouseholds.CountAsync(h => h.ProgramId == program.Id, ct));
        Assert.Equal(4, await db.RosterKeys.CountAsync(k => db.RosterImports.Any(i => i.Id == k.ImportId && i.ProgramId == program.Id), ct));
        Assert.Equal(2, await db.RosterEvents.CountAsync(e => e.ProgramId == program.Id, ct));
        var audit = await scope.ServiceProvider.GetRequiredService<HubDbContext>().AuditLog.AsNoTracking().SingleAsync(e => e.Action == RosterAuditActions.Declined, ct);
        Assert.Equal(("supervisor", $"household {household}; declined on 2026-02-01"), (audit.ActorName, audit.Detail));
    }

    [Fact]
    public async Task Page_DepartmentStaffAndFaqEditorDenied_OperatorCannotImport_AdminImportsThroughThePage()
    {
        // Arrange
        var ct = TestTimeout.Token(180);
        await using var host = await HubHost.StartAsync(Provider, cancellationToken: ct);
        await RosterTestData.CreateProgramAsync(host, RosterTestData.Layout, ct);
        using var staff = await host.SignInAsync("dept-staff", ct);
        using var editor = await host.SignInAsync("faq-editor", ct);
        using var agent = await host.SignInAsync("operator", ct);
        using var admin = await host.SignInAsync("admin", ct);

        // Act
        using var staffPage = await staff.GetAsync(new Uri(RosterTestData.Page, UriKind.Relative), ct);
        using var editorPage = await editor.GetAsync(new Uri(RosterTestData.Page, UriKind.Relative), ct);
        var agentPage = await agent.GetStringAsync(new Uri(RosterTestData.Page, UriKind.Relative), ct);
        var agentImport = await RosterTestData.UploadAsync(agent, "import", RosterTestData.Utf8WithBom(RosterTestData.Roster), ct);
        var adminImport = await RosterTestData.UploadAsync(admin, "import", RosterTestData.Utf8WithBom(RosterTestData.Roster), ct);
        var adminBad = await RosterTestData.UploadAsync(admin, "statuses", RosterTestData.Utf8WithBom("世帯番号,状態,日付\nA-0001,配達済み,2026-13-01\n"), ct);

        // Assert: the look-up form for agents, the administration for administrators only.
        Assert.True(HubHost.IsRedirectTo(staffPage, "/account/denied"));
        Assert.True(HubHost.IsRedirectTo(editorPage, "/account/denied"));
        Assert.Contains("id=\"roster-lookup\"", agentPage, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"roster-import\"", agentPage, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, agentImport.Status);
        Assert.Contains("3世帯（6人）を取り込みました。", adminImport.Body, StringComparison.Ordinal);
        Assert.Contains("2行目: 日付を読めません", adminBad.Body, StringComparison.Ordinal);
        await using var scope = host.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<HubDbContext>().AuditLog.AsNoTracking()
            .Where(e => e.Action == RosterAuditActions.Imported || e.Action == RosterAuditActions.StatusesImported).OrderBy(e => e.Sequence).ToListAsync(ct);
        Assert.Equal([("admin", RosterAuditActions.Imported), ("admin", RosterAuditActions.StatusesImported)], audit.Select(e => (e.ActorName, e.Action)));
        Assert.StartsWith("3 households, 6 rows", audit[0].Detail, StringComparison.Ordinal);
        Assert.Equal("refused: 1 errors", audit[1].Detail);
    }

    [Fact]
    public async Task Import_PersonalFieldsStoredAsCiphertext()
    {
        // Arrange
        var ct = TestTimeout.Token(180);
        await using var host = await HubHost.StartAsync(Provider, cancellationToken: ct);
        var program = await RosterTestData.CreateProgramAsync(host, RosterTestData.Layout, ct);

        // Act
        await RosterTestData.ImportAsync(host, program, RosterTestData.Utf8WithBom(RosterTestData.Roster), ct);

        // Assert: every personal column is AES-GCM ciphertext; the hashes are keyed hashes.
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var raw = await db.Database.SqlQueryRaw<string>(
            """SELECT "Members" AS "Value" FROM program_roster_households UNION ALL SELECT "Address" FROM program_roster_households UNION ALL SELECT "PostalCode" FROM program_roster_households UNION ALL SELECT "HouseholdNumber" FROM program_roster_households""")
            .ToListAsync(ct);
        // Four personal columns of every household: the program's three and the demo city's coupon roster.
        Assert.Equal(3, await db.RosterHouseholds.CountAsync(h => h.ProgramId == program.Id, ct));
        Assert.Equal(4 * await db.RosterHouseholds.CountAsync(ct), raw.Count);
        Assert.All(raw, value => Assert.StartsWith("pii1.", value, StringComparison.Ordinal));
        Assert.All(await db.RosterKeys.Select(k => k.Hash).ToListAsync(ct), hash => Assert.StartsWith("h1.", hash, StringComparison.Ordinal));
        await AssertNoClearTextAsync(host, ["若葉 太郎", "若葉太郎", "青葉 二葉", "ヤマダ", "若葉市中央", "若葉市東町", "123-4567", "1234568", "1985-04-01", "2020-05-10", "A-0001"], ct);
    }

    [Fact]
    public async Task Dispose_RosterPart_DeletesHouseholdsKeysAndHistoryKeepsImportRecords()
    {
        // Arrange: a roster with a status, as the program's disposal finds it.
        var ct = TestTimeout.Token(180);
        await using var host = await HubHost.StartAsync(Provider, cancellationToken: ct);
        var (program, _) = await RosterTestData.CreateWithRosterAsync(host, ct);
        await RosterTestData.ImportStatusesAsync(host, program, "世帯番号,状態,日付\nA-0001,配達済み,2026-01-10\n", ct);
        await using var scope = host.Services.CreateAsyncScope();
        var part = scope.ServiceProvider.GetServices<ConversationHub.Core.Programs.IProgramDataPart>().Single(p => p.Kind == "roster");
        var before = await part.CountAsync(program.Id, ct);

        // Act
        var disposed = await part.DisposeAsync(program.Id, ct);
        var again = await part.DisposeAsync(program.Id, ct);

        // Assert: 3 households and 6 member keys; nothing left to find; the import records stay as evidence.
        Assert.Equal((9L, 9L, 0L, 0L), (before, disposed, again, await part.CountAsync(program.Id, ct)));
        Assert.Empty(await RosterTestData.FindAsync(host, program, "若葉 太郎", "1985-04-01", "123-4567", ct));
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        Assert.Equal(0, await db.RosterEvents.CountAsync(e => e.ProgramId == program.Id, ct));
        Assert.Null((await db.RosterSettings.AsNoTracking().SingleAsync(s => s.ProgramId == program.Id, ct)).ActiveImportId);
        Assert.Equal(2, await db.RosterImports.CountAsync(i => i.ProgramId == program.Id, ct));
    }

    /// <summary>The provider's own check that none of <paramref name="clear"/> is stored in clear.</summary>
    protected virtual Task AssertNoClearTextAsync(HubHost host, string[] clear, CancellationToken ct) => Task.CompletedTask;
}

public sealed class SqliteRosterTests() : RosterTests(DatabaseProvider.Sqlite)
{
    // The database file and its write-ahead log, byte for byte.
    protected override Task AssertNoClearTextAsync(HubHost host, string[] clear, CancellationToken ct)
    {
        var path = new SqliteConnectionStringBuilder(host.Database.ConnectionString).DataSource;
        var bytes = new[] { path, path + "-wal" }.Where(File.Exists).SelectMany(File.ReadAllBytes).ToArray();
        Assert.NotEmpty(bytes);
        foreach (var value in clear)
            Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(value)) < 0, $"'{value}' is in the SQLite file in clear.");
        return Task.CompletedTask;
    }
}

public sealed class PostgresRosterTests() : RosterTests(DatabaseProvider.Postgres);
