using System.Globalization;
using ConversationHub.Core.Calendar;
using ConversationHub.Core.Export;
using ConversationHub.Handoff.Cases;
using CsvHelper;
using CsvHelper.Configuration;

namespace ConversationHub.Handoff.Programs.Forms;

/// <summary>
/// Writes a form's entries as the CSV the city's own system reads: the columns, headers and formats of the form's
/// layout (its current version's), in its encoding (UTF-8 with BOM or Shift_JIS), text cells formula-guarded.
/// </summary>
internal static class FormEntryCsv
{
    public static byte[] Write(FormDefinition form, IEnumerable<ProgramFormEntry> entries, IReadOnlyDictionary<Guid, string> caseNumbers)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(caseNumbers);
        var columns = form.EffectiveColumns();
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, CaseExport.EncodingOf(form.Encoding), leaveOpen: true))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture)))
        {
            foreach (var column in columns)
            {
                csv.WriteField(SpreadsheetCells.Neutralise(column.Header));
            }

            csv.NextRecord();
            foreach (var entry in entries)
            {
                var values = ProgramFormEntries.ValuesOf(entry);
                foreach (var column in columns)
                {
                    csv.WriteField(SpreadsheetCells.Neutralise(Cell(form, column, entry, values, caseNumbers)));
                }

                csv.NextRecord();
            }
        }

        return buffer.ToArray();
    }

    private static string Cell(FormDefinition form, FormExportColumn column, ProgramFormEntry entry, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<Guid, string> caseNumbers) =>
        column.Source switch
        {
            FormExportColumn.Meta.TakenAt => JapanTime.ToJapan(new DateTimeOffset(entry.TakenAtUtc, TimeSpan.Zero)).ToString(
                column.Format == FormColumnFormat.DateSlashes ? "yyyy/MM/dd HH:mm" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            FormExportColumn.Meta.EntryId => entry.Id.ToString(),
            FormExportColumn.Meta.Version => entry.FormVersion.ToString(CultureInfo.InvariantCulture),
            FormExportColumn.Meta.Source => entry.Source,
            FormExportColumn.Meta.Case => entry.CaseId is { } id && caseNumbers.TryGetValue(id, out var number) ? number : "",
            _ => Format(form.FieldOf(column.Source)?.Type, column.Format, values.GetValueOrDefault(column.Source) ?? ""),
        };

    private static string Format(FormFieldType? type, FormColumnFormat format, string value)
    {
        if (value.Length == 0)
        {
            return value;
        }

        if (type == FormFieldType.MultiChoice)
        {
            return string.Join('、', FormAnswers.Split(value));
        }

        if (type is FormFieldType.Date or FormFieldType.BirthDate && FormAnswers.ParseIso(value) is { } date)
        {
            return format switch
            {
                FormColumnFormat.DateSlashes => date.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture),
                FormColumnFormat.DateWareki => JapaneseEra.Format(date),
                _ => value,
            };
        }

        return type == FormFieldType.Phone && format == FormColumnFormat.PhoneDigits ? value.Replace("-", "", StringComparison.Ordinal) : value;
    }
}
