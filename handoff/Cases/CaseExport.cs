using System.Globalization;
using System.Text;
using ConversationHub.Core.Calendar;
using ConversationHub.Core.Export;
using ConversationHub.Handoff.Resources;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Cases;

/// <summary>The encodings of the CSV export.</summary>
public enum CaseCsvEncoding
{
    /// <summary>UTF-8 with a byte-order mark (Excel recognises it; every character survives).</summary>
    Utf8,

    /// <summary>Shift_JIS (Windows-31J, code page 932), for older Excel; characters it lacks become 「?」.</summary>
    ShiftJis,
}

/// <summary>
/// Writes the case list as CSV (RFC 4180, CsvHelper) with Japanese headers, times in JST, exactly the rows the user's
/// filters and rights give the list.
/// </summary>
internal sealed class CaseExport(IStringLocalizer<HandoffStrings> strings)
{
    static CaseExport() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding EncodingOf(CaseCsvEncoding encoding) => encoding == CaseCsvEncoding.ShiftJis
        ? Encoding.GetEncoding(932, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback)
        : new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public async Task WriteAsync(Stream output, IEnumerable<CaseListRow> rows, CaseCsvEncoding encoding, CancellationToken cancellationToken)
    {
        var text = EncodingOf(encoding);
        await using var writer = new StreamWriter(output, text, bufferSize: 64 * 1024, leaveOpen: true);
        // CsvHelper's default line end is CRLF (what Excel writes); setting it explicitly would make it quote only cells
        // holding CRLF, so a cell with a bare line break would split its row.
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture));
        string[] headers = ["number", "status", "channel", "createdAt", "updatedAt", "category", "inquiryType", "subject", "contactName", "department", "assignee", "team"];
        foreach (var header in headers)
        {
            csv.WriteField(strings["CaseColumn_" + header].Value);
        }

        await csv.NextRecordAsync();
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            csv.WriteField(row.Number);
            csv.WriteField(row.StatusLabel);
            csv.WriteField(row.ChannelLabel);
            csv.WriteField(Jst(row.CreatedAtUtc));
            csv.WriteField(Jst(row.UpdatedAtUtc));
            csv.WriteField(row.Category);
            csv.WriteField(row.InquiryType);
            csv.WriteField(SpreadsheetCells.NeutraliseOrNull(row.Subject));
            csv.WriteField(SpreadsheetCells.NeutraliseOrNull(row.ContactName));
            csv.WriteField(row.Department);
            csv.WriteField(row.Assignee);
            csv.WriteField(row.AssigneeTeam);
            await csv.NextRecordAsync();
        }

        await csv.FlushAsync();
    }

    private static string Jst(DateTime utc) =>
        JapanTime.ToJapan(new DateTimeOffset(utc, TimeSpan.Zero)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
