using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace ConversationHub.Core.Organisation.Import;

/// <summary>Reads the header and data records of a decoded organisation CSV with CsvHelper.</summary>
internal static class DepartmentCsvParser
{
    public static DepartmentCsvDocument Parse(string text)
    {
        var errors = new List<DepartmentImportError>();
        var rows = new List<DepartmentCsvRow>();
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true,
            IgnoreBlankLines = true,
            TrimOptions = TrimOptions.Trim | TrimOptions.InsideQuotes,
            DetectColumnCountChanges = false,
            MissingFieldFound = null,
            BadDataFound = args => errors.Add(new DepartmentImportError(
                args.Context.Parser?.RawRow,
                null,
                DepartmentImportErrorCodes.InvalidCsv,
                "CSV の形式が正しくありません（引用符 \" の使い方を確認してください）。")),
        };

        using var reader = new StringReader(text);
        using var csv = new CsvReader(reader, configuration);
        try
        {
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header || header.All(string.IsNullOrWhiteSpace))
            {
                errors.Add(new DepartmentImportError(null, null, DepartmentImportErrorCodes.EmptyFile, "ファイルが空です。1 行目に見出し行が必要です。"));
                return new DepartmentCsvDocument(rows, new HashSet<string>(StringComparer.Ordinal), errors);
            }

            var indexes = MapHeader(header, errors);
            foreach (var column in DepartmentCsvColumn.All.Where(c => c.IsRequired && !indexes.ContainsKey(c.Name)))
            {
                errors.Add(new DepartmentImportError(
                    1,
                    column.Name,
                    DepartmentImportErrorCodes.MissingColumn,
                    $"必須の列「{column.Label}」（{column.Name}）が見出し行にありません。"));
            }

            if (errors.Count > 0)
            {
                return new DepartmentCsvDocument(rows, indexes.Keys.ToHashSet(StringComparer.Ordinal), errors);
            }

            while (csv.Read())
            {
                var record = csv.Parser.Record ?? [];
                if (record.All(string.IsNullOrWhiteSpace))
                {
                    // A row of empty cells (",,,,") is what Excel leaves after deleting a row's contents.
                    continue;
                }

                string? Cell(DepartmentCsvColumn column) =>
                    indexes.TryGetValue(column.Name, out var index) ? (index < record.Length ? record[index].Trim() : "") : null;

                rows.Add(new DepartmentCsvRow(
                    StartLine(csv.Parser),
                    Cell(DepartmentCsvColumn.Code),
                    Cell(DepartmentCsvColumn.DepartmentName),
                    Cell(DepartmentCsvColumn.Kana),
                    Cell(DepartmentCsvColumn.ParentCode),
                    Cell(DepartmentCsvColumn.Email),
                    Cell(DepartmentCsvColumn.Extension),
                    Cell(DepartmentCsvColumn.Active)));
            }

            return new DepartmentCsvDocument(rows, indexes.Keys.ToHashSet(StringComparer.Ordinal), errors);
        }
        catch (CsvHelperException exception)
        {
            // Only the position goes into the error: the exception text quotes the raw record.
            errors.Add(new DepartmentImportError(
                exception.Context?.Parser?.RawRow,
                null,
                DepartmentImportErrorCodes.InvalidCsv,
                "CSV の形式が正しくありません（閉じられていない引用符 \" がないか確認してください）。"));
            return new DepartmentCsvDocument(rows, new HashSet<string>(StringComparer.Ordinal), errors);
        }
    }

    private static Dictionary<string, int> MapHeader(string[] header, List<DepartmentImportError> errors)
    {
        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            var name = NormaliseHeader(header[i]);
            var column = DepartmentCsvColumn.All.FirstOrDefault(c => c.Aliases.Any(a => string.Equals(NormaliseHeader(a), name, StringComparison.Ordinal)));
            if (column is null)
            {
                // Extra columns (備考 and the like) are common in exported lists and are ignored.
                continue;
            }

            if (!indexes.TryAdd(column.Name, i))
            {
                errors.Add(new DepartmentImportError(
                    1,
                    column.Name,
                    DepartmentImportErrorCodes.DuplicateColumn,
                    $"列「{column.Label}」（{column.Name}）が見出し行に複数あります: {header[indexes[column.Name]].Trim()}, {header[i].Trim()}"));
            }
        }

        return indexes;
    }

    // "Parent Code", "ＥＭＡＩＬ" and "ｶﾅ" are the same columns as parent_code, email and カナ.
    private static string NormaliseHeader(string value) =>
        value.Normalize(NormalizationForm.FormKC).Trim().Replace(' ', '_').Replace('-', '_').ToUpperInvariant();

    // RawRow is the physical line the parser has reached, which is the record's last line when a quoted value spans
    // lines; the administrator looks for the line where the record starts.
    private static int StartLine(IParser parser)
    {
        var raw = parser.RawRecord.AsSpan().TrimEnd("\r\n");
        var breaks = raw.Count('\n') + raw.Count('\r') - raw.Count("\r\n");
        return parser.RawRow - breaks;
    }
}
