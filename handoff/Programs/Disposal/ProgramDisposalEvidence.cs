using System.Globalization;
using System.Text;
using ConversationHub.Core.Calendar;
using ConversationHub.Core.Export;
using CsvHelper;
using CsvHelper.Configuration;

namespace ConversationHub.Handoff.Programs.Disposal;

/// <summary>
/// The disposal record as the CSV the city files as evidence (廃棄証明, UTF-8 with BOM so that Excel reads it): the
/// program, when, by whom, then one row per kind of data with the rows disposed of and the rows left, then the
/// database's state afterwards.
/// </summary>
internal static class ProgramDisposalEvidence
{
    public static string FileName(ProgramDisposalRecord record) =>
        string.Create(CultureInfo.InvariantCulture, $"disposal-{record.ProgramCode}-{Jst(record.FinishedAtUtc ?? record.StartedAtUtc, "yyyyMMdd")}.csv");

    public static async Task WriteAsync(Stream output, ProgramDisposalRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true);
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture));
        async Task RowAsync(params string[] fields)
        {
            foreach (var field in fields)
                csv.WriteField(SpreadsheetCells.NeutraliseOrNull(field));
            await csv.NextRecordAsync();
        }

        await RowAsync("項目", "値", "");
        await RowAsync("施策", record.ProgramName, record.ProgramCode);
        await RowAsync("廃棄予定日", record.DisposalOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "");
        await RowAsync("開始日時 (JST)", Jst(record.StartedAtUtc, "yyyy-MM-dd HH:mm:ss"), "");
        await RowAsync("完了日時 (JST)", record.FinishedAtUtc is { } done ? Jst(done, "yyyy-MM-dd HH:mm:ss") : "未完了", "");
        await RowAsync("実施", record.Trigger == ProgramDisposalTriggers.Scheduled ? "廃棄日による自動実施" : "管理者による実施", record.ByName ?? "");
        await RowAsync("データの種類", "廃棄件数", "廃棄後の残存件数");
        var disposed = record.DisposedCounts();
        var remaining = record.RemainingCounts();
        foreach (var kind in record.Kinds())
        {
            cancellationToken.ThrowIfCancellationRequested();
            await RowAsync(kind, Count(disposed, kind), Count(remaining, kind));
        }

        await RowAsync("データベースの状態", record.DatabaseState, "");
        await csv.FlushAsync();
    }

    private static string Count(Dictionary<string, long> counts, string kind) =>
        counts.TryGetValue(kind, out var n) ? n.ToString(CultureInfo.InvariantCulture) : "";

    private static string Jst(DateTime utc, string format) =>
        JapanTime.ToJapan(new DateTimeOffset(utc, TimeSpan.Zero)).ToString(format, CultureInfo.InvariantCulture);
}
