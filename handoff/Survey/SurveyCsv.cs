using System.Globalization;
using System.Text;
using ConversationHub.Core.Calendar;
using ConversationHub.Core.Export;
using CsvHelper;
using CsvHelper.Configuration;

namespace ConversationHub.Handoff.Survey;

/// <summary>
/// Writes a <see cref="SurveyReport"/> as CSV (UTF-8 with BOM, CsvHelper): the counts, then one row per item and answer
/// with count, share and the five-level mean, then the free texts. Every text cell goes through the case export's guard
/// against spreadsheet formulas (a citizen's answer may start with "=").
/// </summary>
internal static class SurveyCsv
{
    private static readonly string[] Headers = ["kind", "item", "question", "answer", "count", "percent", "mean", "answered_at_jst", "channel"];

    public static async Task WriteAsync(Stream output, SurveyReport report, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true);
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture));
        foreach (var header in Headers)
            csv.WriteField(header);
        await csv.NextRecordAsync();
        foreach (var (name, count) in new[] { ("offered", report.Offered), ("declined", report.Declined), ("consented", report.Consented), ("completed", report.Completed) })
            await RowAsync(csv, "summary", "", "", name, count.ToString(CultureInfo.InvariantCulture));

        foreach (var item in report.Items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await RowAsync(csv, "item", item.Key, item.Question, "", item.Answered.ToString(CultureInfo.InvariantCulture), mean: Number(item.Mean));
            foreach (var option in item.Options)
                await RowAsync(csv, "option", item.Key, item.Question, option.Label, option.Count.ToString(CultureInfo.InvariantCulture), Number(option.Percent));
            foreach (var text in item.Texts)
                await RowAsync(csv, "text", item.Key, item.Question, text.Text, at: Jst(text.AnsweredAtUtc), channel: text.Channel.ToString());
        }

        await csv.FlushAsync();
    }

    private static async Task RowAsync(CsvWriter csv, string kind, string item, string question, string answer, string count = "", string percent = "", string mean = "", string at = "", string channel = "")
    {
        foreach (var field in new[] { kind, item, SpreadsheetCells.NeutraliseOrNull(question), SpreadsheetCells.NeutraliseOrNull(answer), count, percent, mean, at, channel })
            csv.WriteField(field);
        await csv.NextRecordAsync();
    }

    private static string Number(double? value) => value?.ToString("0.0#", CultureInfo.InvariantCulture) ?? "";

    private static string Jst(DateTime utc) =>
        JapanTime.ToJapan(new DateTimeOffset(utc, TimeSpan.Zero)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
