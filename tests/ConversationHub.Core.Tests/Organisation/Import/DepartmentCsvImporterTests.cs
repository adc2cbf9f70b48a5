using System.Text;
using ConversationHub.Core.Organisation;
using ConversationHub.Core.Organisation.Import;
using ConversationHub.Core.Persistence;
using ConversationHub.Core.Security;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConversationHub.Core.Tests.Organisation.Import;

/// <summary>
/// The importer against a real database. <see cref="DepartmentCsvImporterSqliteTests"/> and
/// <see cref="DepartmentCsvImporterPostgresTests"/> run this same suite on each provider; every test has its own database.
/// </summary>
public abstract class DepartmentCsvImporterTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string EnglishHeader = "code,name,kana,parent_code,email,extension,active";
    private const string JapaneseHeader = "組織コード,組織名,読み,上位組織コード,メールアドレス,内線,有効";

    private readonly CancellationToken _ct = TestTimeout.Token();
    private readonly IPiiProtector _pii = PiiProtectorFactory.Create(TestPii.CreateOptions(), Path.GetTempPath());
    private TestDatabase? _database;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider, _ct);
        await using var db = CreateContext();
        await db.Database.MigrateAsync(_ct);
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task ImportAsync_Utf8WithoutBomEnglishHeader_CreatesDepartments()
    {
        // Arrange
        var csv = Csv(EnglishHeader,
            "SOMU,総務部,ソウムブ,,somu@city.example.jp,1000,true",
            "SHIMIN,市民課,シミンカ,SOMU,shimin@city.example.jp,1234,");

        // Act
        var result = await ImportAsync(csv);

        // Assert
        Assert.Empty(result.Errors);
        Assert.True(result.Applied);
        Assert.Equal(DepartmentCsvEncoding.Utf8, result.Encoding);
        Assert.Equal((2, 2, 0, 0, 0), (result.Rows, result.Created, result.Updated, result.Unchanged, result.NotInFile));
        var stored = await LoadAsync();
        Assert.Equal(2, stored.Count);
        var shimin = stored.Single(d => d.Code == "SHIMIN");
        Assert.Equal(("市民課", "シミンカ", "SOMU", "shimin@city.example.jp", "1234", true),
            (shimin.Name, shimin.Kana, shimin.ParentCode, shimin.Email, shimin.Extension, shimin.IsActive));
    }

    [Fact]
    public async Task ImportAsync_Utf8WithBomJapaneseHeader_CreatesDepartmentsAndReportsBom()
    {
        // Arrange
        var bytes = Encoding.UTF8.GetPreamble()
            .Concat(Encoding.UTF8.GetBytes(Csv(JapaneseHeader, "SOMU,総務部,ソウムブ,,,,有効")))
            .ToArray();

        // Act
        var result = await ImportBytesAsync(bytes);

        // Assert
        Assert.Empty(result.Errors);
        Assert.Equal(DepartmentCsvEncoding.Utf8WithBom, result.Encoding);
        var somu = Assert.Single(await LoadAsync());
        Assert.Equal(("SOMU", "総務部", "ソウムブ"), (somu.Code, somu.Name, somu.Kana));
    }

    [Fact]
    public async Task ImportAsync_ShiftJisBytes_DecodesJapaneseText()
    {
        // Arrange: what Excel on Japanese Windows writes for "CSV (コンマ区切り)".
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(932).GetBytes(Csv(JapaneseHeader,
            "SOMU,総務部,そうむぶ,,,,○",
            "KOSEKI,戸籍・住民票係,コセキ・ジュウミンヒョウガカリ,SOMU,,,×"));

        // Act
        var result = await ImportBytesAsync(bytes);

        // Assert
        Assert.Empty(result.Errors);
        Assert.Equal(DepartmentCsvEncoding.ShiftJis, result.Encoding);
        var stored = await LoadAsync();
        var koseki = stored.Single(d => d.Code == "KOSEKI");
        Assert.Equal(("戸籍・住民票係", "コセキ・ジュウミンヒョウガカリ", "SOMU", false), (koseki.Name, koseki.Kana, koseki.ParentCode, koseki.IsActive));
        Assert.Equal("そうむぶ", stored.Single(d => d.Code == "SOMU").Kana);
    }

    [Fact]
    public async Task ImportAsync_AlternativeHeadersInAnyOrderWithExtraColumn_MapsColumns()
    {
        // Arrange
        var csv = Csv("備考,内線番号,よみ,組織名,親組織コード,組織コード",
            "メモ,2000,ソウムブ,総務部,,SOMU",
            ",2001,ジンジカ,人事課,SOMU,JINJI");

        // Act
        var result = await ImportAsync(csv);

        // Assert
        Assert.Empty(result.Errors);
        var jinji = (await LoadAsync()).Single(d => d.Code == "JINJI");
        Assert.Equal(("人事課", "ジンジカ", "SOMU", "2001"), (jinji.Name, jinji.Kana, jinji.ParentCode, jinji.Extension));
    }

    [Fact]
    public async Task ImportAsync_ChildBeforeParent_ResolvesParent()
    {
        // Arrange
        var csv = Csv(EnglishHeader,
            "KAKARI,窓口係,マドグチガカリ,SHIMIN,,,",
            "SHIMIN,市民課,シミンカ,BU,,,",
            "BU,市民部,シミンブ,,,,");

        // Act
        var result = await ImportAsync(csv);

        // Assert
        Assert.Empty(result.Errors);
        Assert.Equal(3, result.Created);
        var stored = (await LoadAsync()).ToDictionary(d => d.Code);
        Assert.Equal("SHIMIN", stored["KAKARI"].ParentCode);
        Assert.Equal("BU", stored["SHIMIN"].ParentCode);
        Assert.Null(stored["BU"].ParentCode);
    }

    [Fact]
    public async Task ImportAsync_ParentOnlyInDatabase_ResolvesParent()
    {
        // Arrange
        await SeedAsync(("SOMU", "総務部", "ソウムブ", null));

        // Act
        var result = await ImportAsync(Csv(EnglishHeader, "JINJI,人事課,ジンジカ,SOMU,,,"));

        // Assert
        Assert.Empty(result.Errors);
        Assert.Equal((1, 0, 0, 1), (result.Created, result.Updated, result.Unchanged, result.NotInFile));
        Assert.Equal("SOMU", (await LoadAsync()).Single(d => d.Code == "JINJI").ParentCode);
    }

    [Fact]
    public async Task ImportAsync_ExistingCodes_UpdatesChangedAndCountsUnchangedAndNotInFile()
    {
        // Arrange
        await SeedAsync(("SOMU", "総務部", "ソウムブ", null), ("JINJI", "人事課", "ジンジカ", "SOMU"), ("KIKAKU", "企画課", "キカクカ", "SOMU"));
        var before = (await LoadAsync()).ToDictionary(d => d.Code);
        var csv = Csv(EnglishHeader,
            "SOMU,総務部,ソウムブ,,,,",
            "JINJI,職員課,ショクインカ,SOMU,shokuin@city.example.jp,3000,0",
            "ZAISEI,財政課,ザイセイカ,SOMU,,,");

        // Act
        var result = await ImportAsync(csv);

        // Assert
        Assert.Empty(result.Errors);
        Assert.Equal((3, 1, 1, 1, 1), (result.Rows, result.Created, result.Updated, result.Unchanged, result.NotInFile));
        var after = (await LoadAsync()).ToDictionary(d => d.Code);
        Assert.Equal(4, after.Count);
        Assert.Equal(before["SOMU"], after["SOMU"]);
        Assert.Equal(before["KIKAKU"], after["KIKAKU"]);
        var jinji = after["JINJI"];
        Assert.Equal(("職員課", "ショクインカ", "shokuin@city.example.jp", "3000", false), (jinji.Name, jinji.Kana, jinji.Email, jinji.Extension, jinji.IsActive));
        Assert.True(jinji.UpdatedAtUtc > before["JINJI"].UpdatedAtUtc);
        Assert.Equal(DateTimeKind.Utc, jinji.UpdatedAtUtc.Kind);
    }

    [Fact]
    public async Task ImportAsync_OptionalColumnsAbsent_KeepsStoredValues()
    {
        // Arrange
        await SeedAsync(("SOMU", "総務部", "ソウムブ", null), ("JINJI", "人事課", "ジンジカ", "SOMU"));
        await using (var db = CreateContext())
        {
            var jinji = await db.Departments.SingleAsync(d => d.Code == "JINJI", _ct);
            jinji.Email = "jinji@city.example.jp";
            jinji.Extension = "2100";
            jinji.IsActive = false;
            await db.SaveChangesAsync(_ct);
        }

        // Act
        var result = await ImportAsync(Csv("code,name,kana", "JINJI,人事課,ジンジカ"));

        // Assert
        Assert.Empty(result.Errors);
        Assert.Equal((0, 0, 1), (result.Created, result.Updated, result.Unchanged));
        var stored = (await LoadAsync()).Single(d => d.Code == "JINJI");
        Assert.Equal(("SOMU", "jinji@city.example.jp", "2100", false), (stored.ParentCode, stored.Email, stored.Extension, stored.IsActive));
    }

    [Fact]
    public async Task ImportAsync_ExistingDepartmentMovedUnderNewOne_InsertsParentFirst()
    {
        // Arrange: SHIMIN moves from SOMU to the new SHIMINBU in the same file.
        await SeedAsync(("SOMU", "総務部", "ソウムブ", null), ("SHIMIN", "市民課", "シミンカ", "SOMU"));

        // Act
        var result = await ImportAsync(Csv("code,name,kana,parent_code",
            "SHIMIN,市民課,シミンカ,SHIMINBU",
            "SHIMINBU,市民部,シミンブ,"));

        // Assert
        Assert.Empty(result.Errors);
        Assert.Equal((1, 1), (result.Created, result.Updated));
        Assert.Equal("SHIMINBU", (await LoadAsync()).Single(d => d.Code == "SHIMIN").ParentCode);
    }

    [Fact]
    public async Task ImportAsync_ParentAndChildSwapped_AppliesWithoutCycle()
    {
        // Arrange
        await SeedAsync(("A", "部", "ブ", null), ("B", "課", "カ", "A"));

        // Act
        var result = await ImportAsync(Csv("code,name,kana,parent_code", "A,部,ブ,B", "B,課,カ,"));

        // Assert
        Assert.Empty(result.Errors);
        var stored = (await LoadAsync()).ToDictionary(d => d.Code);
        Assert.Equal(("B", (string?)null), (stored["A"].ParentCode, stored["B"].ParentCode));
    }

    [Fact]
    public async Task ImportAsync_QuotedValuesWithCommasNewlinesAndSpaces_ParsesAndTrims()
    {
        // Arrange
        var csv = Csv(EnglishHeader,
            "\"SOMU\",\"総務部,総務課\",\"ソウムブ\",,,,",
            "  JINJI  , \"人事課\n（分室）\" ,ジンジカ,SOMU,\"\",\"\",\"1\"");

        // Act
        var result = await ImportAsync(csv);

        // Assert
        Assert.Empty(result.Errors);
        var stored = (await LoadAsync()).ToDictionary(d => d.Code);
        Assert.Equal("総務部,総務課", stored["SOMU"].Name);
        Assert.Equal("人事課\n（分室）", stored["JINJI"].Name);
        Assert.Null(stored["JINJI"].Email);
    }

    [Fact]
    public async Task ImportAsync_ErrorAfterMultiLineValue_ReportsPhysicalStartLine()
    {
        // Arrange: the record on lines 3-4 spans two lines, so the bad e-mail is on line 5.
        var csv = Csv(EnglishHeader,
            "SOMU,総務部,ソウムブ,,,,",
            "JINJI,\"人事課",
            "（分室）\",ジンジカ,SOMU,,,",
            "KIKAKU,企画課,キカクカ,SOMU,kikaku@,,");

        // Act
        var result = await ImportAsync(csv);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal((5, "email", DepartmentImportErrorCodes.InvalidEmail), (error.Line, error.Column, error.Code));
        Assert.Empty(await LoadAsync());
    }

    [Fact]
    public async Task ImportAsync_FullWidthAndHalfWidthKanaInput_NormalisesWithNfkc()
    {
        // Arrange: as typed with a Japanese IME, and half-width katakana from a legacy export.
        var csv = Csv(EnglishHeader, "ＳＯＭＵ－０１,総務部,ｿｳﾑﾌﾞ,,ｓｏｍｕ＠ｃｉｔｙ．ｅｘａｍｐｌｅ．ｊｐ,１２３４－５６,");

        // Act
        var result = await ImportAsync(csv);

        // Assert
        Assert.Empty(result.Errors);
        var somu = Assert.Single(await LoadAsync());
        Assert.Equal(("SOMU-01", "総務部", "ソウムブ", "somu@city.example.jp", "1234-56"),
            (somu.Code, somu.Name, somu.Kana, somu.Email, somu.Extension));
    }

    [Fact]
    public async Task ImportAsync_ActiveValues_ParsedAsFlags()
    {
        // Arrange
        var values = new[] { ("true", true), ("FALSE", false), ("1", true), ("0", false), ("有効", true), ("無効", false), ("○", true), ("×", false), ("", true) };
        var csv = Csv(["code,name,kana,active", .. values.Select((v, i) => $"D{i},課{i},カ,{v.Item1}")]);

        // Act
        var result = await ImportAsync(csv);

        // Assert
        Assert.Empty(result.Errors);
        var stored = (await LoadAsync()).ToDictionary(d => d.Code);
        for (var i = 0; i < values.Length; i++)
        {
            Assert.Equal(values[i].Item2, stored[$"D{i}"].IsActive);
        }
    }

    [Fact]
    public async Task ImportAsync_EveryRowErrorKind_ReportsLineColumnAndCode()
    {
        // Arrange
        var csv = Csv(EnglishHeader,
            "ROOT,本庁,ホンチョウ,,,,",                                  // 2: valid
            ",名前,ナマエ,,,,",                                           // 3
            "A B,名前,ナマエ,,,,",                                        // 4
            $"{new string('C', 21)},名前,ナマエ,,,,",                     // 5
            "N1,,ナマエ,,,,",                                             // 6
            $"N2,{new string('名', 101)},ナマエ,,,,",                     // 7
            "K1,名前,市民,,,,",                                           // 8
            "K2,名前,,,,,",                                               // 9
            "P1,名前,ナマエ,NOPE,,,",                                     // 10
            "E1,名前,ナマエ,,not-an-email,,",                             // 11
            "E2,名前,ナマエ,,市民課 <shimin@city.example.jp>,,",          // 12
            $"E3,名前,ナマエ,,{new string('a', 250)}@x.jp,,",             // 13
            "X1,名前,ナマエ,,,内線12,",                                   // 14
            $"X2,名前,ナマエ,,,{new string('1', 21)},",                   // 15
            "T1,名前,ナマエ,,,,maybe",                                    // 16
            "ROOT,本庁（重複）,ホンチョウ,,,,",                           // 17
            "S1,名前,ナマエ,S1,,,");                                      // 18

        // Act
        var result = await ImportAsync(csv);

        // Assert
        Assert.False(result.Applied);
        Assert.Equal((0, 0, 0), (result.Created, result.Updated, result.Unchanged));
        Assert.Equal(
            [
                (3, "code", DepartmentImportErrorCodes.Required),
                (4, "code", DepartmentImportErrorCodes.InvalidCode),
                (5, "code", DepartmentImportErrorCodes.TooLong),
                (6, "name", DepartmentImportErrorCodes.Required),
                (7, "name", DepartmentImportErrorCodes.TooLong),
                (8, "kana", DepartmentImportErrorCodes.InvalidKana),
                (9, "kana", DepartmentImportErrorCodes.Required),
                (10, "parent_code", DepartmentImportErrorCodes.UnknownParent),
                (11, "email", DepartmentImportErrorCodes.InvalidEmail),
                (12, "email", DepartmentImportErrorCodes.InvalidEmail),
                (13, "email", DepartmentImportErrorCodes.TooLong),
                (14, "extension", DepartmentImportErrorCodes.InvalidExtension),
                (15, "extension", DepartmentImportErrorCodes.TooLong),
                (16, "active", DepartmentImportErrorCodes.InvalidActive),
                (17, "code", DepartmentImportErrorCodes.DuplicateCode),
                (18, "parent_code", DepartmentImportErrorCodes.Cycle),
            ],
            result.Errors.Select(e => ((int?)e.Line ?? 0, e.Column, e.Code)).ToList());
        Assert.Equal(16, result.ErrorCount);
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
        Assert.Contains("not-an-email", result.Errors.Single(e => e.Line == 11).Message, StringComparison.Ordinal);
        Assert.Contains("2 行目", result.Errors.Single(e => e.Line == 17).Message, StringComparison.Ordinal);
        Assert.Empty(await LoadAsync());
    }

    [Fact]
    public async Task ImportAsync_MissingRequiredColumn_ReportsFileErrorNamingColumn()
    {
        // Arrange
        var csv = Csv("組織コード,組織名,メールアドレス", "SOMU,総務部,somu@city.example.jp");

        // Act
        var result = await ImportAsync(csv);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal((1, "kana", DepartmentImportErrorCodes.MissingColumn), (error.Line, error.Column, error.Code));
        Assert.Contains("読み", error.Message, StringComparison.Ordinal);
        Assert.Empty(await LoadAsync());
    }

    [Fact]
    public async Task ImportAsync_SameColumnTwiceInHeader_ReportsDuplicateColumn()
    {
        // Act
        var result = await ImportAsync(Csv("code,name,読み,カナ", "SOMU,総務部,ソウムブ,ソウムブ"));

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal((1, "kana", DepartmentImportErrorCodes.DuplicateColumn), (error.Line, error.Column, error.Code));
    }

    [Fact]
    public async Task ImportAsync_EmptyFile_ReportsEmptyFile()
    {
        // Act
        var result = await ImportBytesAsync([]);

        // Assert
        Assert.Equal(DepartmentImportErrorCodes.EmptyFile, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task ImportAsync_Utf16File_ReportsUnsupportedEncoding()
    {
        // Arrange
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Csv("code,name,kana", "A,部,ブ"))).ToArray();

        // Act
        var result = await ImportBytesAsync(bytes);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal((null, DepartmentImportErrorCodes.UnsupportedEncoding), (error.Line, error.Code));
        Assert.Equal(DepartmentCsvEncoding.Unknown, result.Encoding);
    }

    [Fact]
    public async Task ImportAsync_StrayQuoteInUnquotedValue_ReportsInvalidCsvWithLine()
    {
        // Act
        var result = await ImportAsync(Csv("code,name,kana", "SOMU,総務部,ソウムブ", "JINJI,人事\"課,ジンジカ"));

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal((3, DepartmentImportErrorCodes.InvalidCsv), (error.Line, error.Code));
        Assert.Empty(await LoadAsync());
    }

    [Fact]
    public async Task ImportAsync_CycleWithinFile_ReportsEveryRowOnTheCycle()
    {
        // Arrange: A → B → C → A; D hangs below the cycle but is not on it.
        var csv = Csv("code,name,kana,parent_code", "A,部,ブ,C", "B,課,カ,A", "C,係,カカリ,B", "D,室,シツ,A");

        // Act
        var result = await ImportAsync(csv);

        // Assert
        Assert.Equal([2, 3, 4], result.Errors.Select(e => e.Line ?? 0).ToList());
        Assert.All(result.Errors, e => Assert.Equal((DepartmentImportErrorCodes.Cycle, "parent_code"), (e.Code, e.Column)));
        Assert.Empty(await LoadAsync());
    }

    [Fact]
    public async Task ImportAsync_CycleThroughExistingDepartments_RejectsAndChangesNothing()
    {
        // Arrange: stored TOP > MID > LOW; the file puts TOP under LOW.
        await SeedAsync(("TOP", "部", "ブ", null), ("MID", "課", "カ", "TOP"), ("LOW", "係", "カカリ", "MID"));
        var before = await LoadAsync();

        // Act
        var result = await ImportAsync(Csv("code,name,kana,parent_code", "TOP,部,ブ,LOW"));

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal((2, "parent_code", DepartmentImportErrorCodes.Cycle), (error.Line, error.Column, error.Code));
        Assert.Contains("TOP → LOW → MID → TOP", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await LoadAsync());
    }

    [Fact]
    public async Task ImportAsync_OneInvalidRowAmongValidOnes_ChangesNothing()
    {
        // Arrange
        await SeedAsync(("SOMU", "総務部", "ソウムブ", null), ("JINJI", "人事課", "ジンジカ", "SOMU"));
        var before = await LoadAsync();
        var csv = Csv(EnglishHeader,
            "SOMU,総務局,ソウムキョク,,,,",
            "JINJI,職員課,ショクインカ,SOMU,,,",
            "NEW1,新設課,シンセツカ,SOMU,,,",
            "NEW2,新設係,シンセツガカリ,NEW1,bad-address,,");

        // Act
        var result = await ImportAsync(csv);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal((5, "email"), (error.Line, error.Column));
        Assert.False(result.Applied);
        Assert.Equal(before, await LoadAsync());
    }

    [Fact]
    public async Task ImportAsync_DryRun_ReportsCountsAndChangesNothing()
    {
        // Arrange
        await SeedAsync(("SOMU", "総務部", "ソウムブ", null), ("JINJI", "人事課", "ジンジカ", "SOMU"), ("KIKAKU", "企画課", "キカクカ", "SOMU"));
        var before = await LoadAsync();
        var csv = Csv("code,name,kana,parent_code",
            "SOMU,総務部,ソウムブ,",
            "JINJI,人事課,ジンジカ,NEW",
            "NEW,新設部,シンセツブ,");

        // Act
        var result = await ImportAsync(csv, DepartmentImportMode.DryRun);

        // Assert
        Assert.Empty(result.Errors);
        Assert.Equal((DepartmentImportMode.DryRun, false), (result.Mode, result.Applied));
        Assert.Equal((1, 1, 1, 1), (result.Created, result.Updated, result.Unchanged, result.NotInFile));
        Assert.Equal(before, await LoadAsync());
    }

    [Fact]
    public async Task ImportAsync_DryRunWithErrors_ReportsErrorsAndChangesNothing()
    {
        // Arrange
        await SeedAsync(("SOMU", "総務部", "ソウムブ", null));
        var before = await LoadAsync();

        // Act
        var result = await ImportAsync(Csv("code,name,kana,parent_code", "SOMU,総務部,ソウムブ,GONE"), DepartmentImportMode.DryRun);

        // Assert
        Assert.Equal(DepartmentImportErrorCodes.UnknownParent, Assert.Single(result.Errors).Code);
        Assert.Equal(before, await LoadAsync());
    }

    private static string Csv(params string[] lines) => string.Join("\r\n", lines) + "\r\n";

    private Task<DepartmentImportResult> ImportAsync(string csv, DepartmentImportMode mode = DepartmentImportMode.Apply) =>
        ImportBytesAsync(new UTF8Encoding(false).GetBytes(csv), mode);

    private async Task<DepartmentImportResult> ImportBytesAsync(byte[] bytes, DepartmentImportMode mode = DepartmentImportMode.Apply)
    {
        await using var db = CreateContext();
        var importer = new DepartmentCsvImporter(db, TimeProvider.System, NullLogger<DepartmentCsvImporter>.Instance);
        using var stream = new MemoryStream(bytes);
        return await importer.ImportAsync(stream, mode, _ct);
    }

    private HubDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<HubDbContext>();
        HubDatabase.Configure(options, _database!.Provider, _database.ConnectionString, "ConversationHub.Core", HubDbContext.MigrationsHistoryTable);
        return new HubDbContext(options.UsePiiProtector(_pii).Options);
    }

    /// <summary>Stores departments directly (not through the importer), parents before children.</summary>
    private async Task SeedAsync(params (string Code, string Name, string Kana, string? ParentCode)[] departments)
    {
        await using var db = CreateContext();
        var byCode = new Dictionary<string, Department>(StringComparer.Ordinal);
        foreach (var (code, name, kana, parentCode) in departments)
        {
            var department = new Department(code, name, kana)
            {
                ParentId = parentCode is null ? null : byCode[parentCode].Id,
                UpdatedAtUtc = DateTime.UtcNow.AddDays(-1),
            };
            byCode.Add(code, department);
            db.Departments.Add(department);
        }

        await db.SaveChangesAsync(_ct);
    }

    private async Task<List<DepartmentSnapshot>> LoadAsync()
    {
        await using var db = CreateContext();
        var all = await db.Departments.AsNoTracking().ToListAsync(_ct);
        var codeById = all.ToDictionary(d => d.Id, d => d.Code);
        return all
            .OrderBy(d => d.Code, StringComparer.Ordinal)
            .Select(d => new DepartmentSnapshot(
                d.Code, d.Name, d.Kana, d.ParentId is { } p ? codeById[p] : null, d.Email, d.Extension, d.IsActive, d.UpdatedAtUtc))
            .ToList();
    }
}
