using System.Globalization;
using System.Text;
using ConversationHub.Core.Calendar;
using ConversationHub.Core.Export;
using CsvHelper;

namespace ConversationHub.Handoff.Admin.Users;

/// <summary>
/// The user list as CSV (UTF-8 with BOM, so Excel opens Japanese text correctly): the columns the import reads first,
/// then what it ignores. Never a password hash; every text cell guarded against spreadsheet formulas.
/// </summary>
internal static class StaffCsvExport
{
    public static IReadOnlyList<string> Header { get; } =
        ["staff_id", "display_name", "email", "roles", "department_code", "department_name", "teams", "status", "two_factor", "changed_at_jst"];

    public static byte[] Write(IEnumerable<StaffRow> rows)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            foreach (var name in Header)
                csv.WriteField(name);
            csv.NextRecord();
            foreach (var row in rows)
            {
                csv.WriteField(SpreadsheetCells.NeutraliseOrNull(row.UserName));
                csv.WriteField(SpreadsheetCells.NeutraliseOrNull(row.DisplayName));
                csv.WriteField(SpreadsheetCells.NeutraliseOrNull(row.Email));
                csv.WriteField(string.Join('|', row.Roles));
                csv.WriteField(SpreadsheetCells.NeutraliseOrNull(row.DepartmentCode));
                csv.WriteField(SpreadsheetCells.NeutraliseOrNull(row.DepartmentName));
                csv.WriteField(SpreadsheetCells.NeutraliseOrNull(string.Join('|', row.Teams)));
                csv.WriteField(row.Disabled ? "無効" : "有効");
                csv.WriteField(row.TwoFactorEnabled ? "on" : "off");
                csv.WriteField(row.ChangedAtUtc is { } at ? (at + JapanTime.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "");
                csv.NextRecord();
            }
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
