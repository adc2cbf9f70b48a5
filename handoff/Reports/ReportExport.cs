using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using ConversationHub.Core.Export;
using ConversationHub.Handoff.Cases;
using CsvHelper;
using CsvHelper.Configuration;

namespace ConversationHub.Handoff.Reports;

/// <summary>The export formats.</summary>
internal enum ReportFormat
{
    /// <summary>CSV (RFC 4180), UTF-8 with a byte-order mark or Shift_JIS.</summary>
    Csv,

    /// <summary>An Excel workbook, one sheet per table.</summary>
    Xlsx,
}

/// <summary>
/// Writes a <see cref="ReportDocument"/> as CSV (each table: its caption, its header row, its rows and totals, then an
/// empty line) or as .xlsx (ClosedXML, one sheet per table). Text cells that a spreadsheet would run as a formula get
/// the case export's guard (<see cref="SpreadsheetCells"/>); ratios are written as percentages.
/// </summary>
internal static class ReportExport
{
    /// <summary>The CSV bytes of <paramref name="document"/>.</summary>
    public static byte[] Csv(ReportDocument document, CaseCsvEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, CaseExport.EncodingOf(encoding), leaveOpen: true))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture)))
        {
            Record(csv, [document.Title, document.Period.Label]);
            foreach (var table in document.Tables)
            {
                csv.NextRecord();
                Record(csv, [table.Caption]);
                Record(csv, [table.RowHeader, .. table.Columns]);
                foreach (var line in table.Total is null ? table.Rows : [.. table.Rows, table.Total])
                {
                    Record(csv, [line.Head, .. line.Cells.Select(Text)]);
                }

                if (table.Note is not null)
                {
                    Record(csv, [table.Note]);
                }
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The .xlsx bytes of <paramref name="document"/>.</summary>
    public static byte[] Xlsx(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var workbook = new XLWorkbook();
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in document.Tables)
        {
            var sheet = workbook.Worksheets.Add(SheetName(table, used));
            sheet.Cell(1, 1).SetValue(Safe(document.Title + " " + document.Period.Label));
            sheet.Cell(2, 1).SetValue(Safe(table.Caption));
            var row = 3;
            WriteRow(sheet, row++, [table.RowHeader, .. table.Columns]);
            sheet.Row(3).Style.Font.Bold = true;
            foreach (var line in table.Total is null ? table.Rows : [.. table.Rows, table.Total])
            {
                WriteRow(sheet, row++, [line.Head, .. line.Cells]);
            }

            if (table.Note is not null)
            {
                sheet.Cell(row + 1, 1).SetValue(Safe(table.Note));
            }
        }

        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        return buffer.ToArray();
    }

    /// <summary>A cell as text: numbers invariant, ratios as percentages with one decimal, nothing as empty.</summary>
    public static string Text(object? cell) => cell switch
    {
        null => "",
        int n => n.ToString(CultureInfo.InvariantCulture),
        decimal ratio => (ratio * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%",
        _ => Safe(Convert.ToString(cell, CultureInfo.InvariantCulture)) ?? "",
    };

    private static void Record(CsvWriter csv, IEnumerable<string?> fields)
    {
        foreach (var field in fields)
        {
            csv.WriteField(Safe(field));
        }

        csv.NextRecord();
    }

    private static void WriteRow(IXLWorksheet sheet, int row, IReadOnlyList<object?> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = sheet.Cell(row, i + 1);
            switch (cells[i])
            {
                case null:
                    break;
                case int n:
                    cell.SetValue(n);
                    break;
                case decimal ratio:
                    cell.SetValue(ratio);
                    cell.Style.NumberFormat.Format = "0.0%";
                    break;
                case var other:
                    cell.SetValue(Safe(Convert.ToString(other, CultureInfo.InvariantCulture)));
                    cell.DataType = XLDataType.Text;
                    break;
            }
        }
    }

    private static string SheetName(ReportTable table, HashSet<string> used)
    {
        // Excel's rules: at most 31 characters, none of []:*?/\, unique.
        var name = new string([.. table.Caption.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\'))]);
        name = name.Length > 28 ? name[..28] : name;
        var unique = name;
        for (var i = 2; !used.Add(unique); i++)
        {
            unique = $"{name}({i})";
        }

        return unique;
    }

    private static string? Safe(string? value) => SpreadsheetCells.NeutraliseOrNull(value);
}
