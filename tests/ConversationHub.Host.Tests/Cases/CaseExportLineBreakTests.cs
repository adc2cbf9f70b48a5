using System.Globalization;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Cases;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Cases;

/// <summary>A case whose subject or contact holds a bare line break stays one row of the CSV (quoted), in both encodings.</summary>
public sealed class CaseExportLineBreakTests
{
    [Theory]
    [InlineData(CaseCsvEncoding.Utf8)]
    [InlineData(CaseCsvEncoding.ShiftJis)]
    public async Task CellWithALineBreak_StaysOneRow(CaseCsvEncoding encoding)
    {
        var ct = TestTimeout.Token(60);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, cancellationToken: ct);
        var export = host.Services.GetRequiredService<CaseExport>();
        var now = new DateTime(2026, 12, 6, 1, 0, 0, DateTimeKind.Utc);
        CaseListRow[] rows =
        [
            new(Guid.NewGuid(), "C-2026-000001", CaseStatus.New, "新規", CaseChannel.Voice, "電話", now, now, null, null, "一行目\n二行目", "山田\r太郎", null, null, null, null, null, null),
            new(Guid.NewGuid(), "C-2026-000002", CaseStatus.New, "新規", CaseChannel.Form, "フォーム", now, now, null, null, "ふつうの件名", null, null, null, null, null, null, null),
        ];

        using var output = new MemoryStream();
        await export.WriteAsync(output, rows, encoding, ct);

        output.Position = 0;
        using var reader = new StreamReader(output, CaseExport.EncodingOf(encoding));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var records = new List<string[]>();
        while (await csv.ReadAsync())
        {
            records.Add(csv.Parser.Record!);
        }

        Assert.Equal(3, records.Count);
        Assert.Contains(records[1], cell => cell == "一行目\n二行目");
        Assert.Equal("C-2026-000002", records[2][0]);
    }
}
