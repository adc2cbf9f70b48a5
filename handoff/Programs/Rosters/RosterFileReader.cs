using System.Text;
using ConversationHub.Handoff.Resources;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Programs.Rosters;

/// <summary>
/// Reads a roster file through its program's <see cref="RosterLayout"/> and checks every row before anything is written:
/// a head with a name and a valid date of birth, a postal code of seven digits, an address, children complete, household
/// numbers unique. Errors name the row (as a spreadsheet numbers it) and the column, never the row's personal values.
/// </summary>
internal static class RosterFileReader
{
    /// <summary>Errors listed in full; beyond, only their count.</summary>
    public const int MaxListedErrors = 50;

    public static RosterFile Read(byte[] data, RosterLayout layout, IStringLocalizer<RosterStrings> strings)
    {
        var file = new RosterFile();
        if (RosterFileText.Decode(data, layout.Encoding) is not { } text)
            return file.Fail(strings["File_Encoding", strings[layout.Encoding == RosterEncoding.ShiftJis ? "Encoding_ShiftJis" : "Encoding_Utf8"]]);
        using var records = RosterFileText.Records(text).GetEnumerator();
        string[]? header = null;
        if (layout.HeaderRow)
        {
            if (!records.MoveNext())
                return file.Fail(strings["File_Empty"]);
            header = records.Current.Fields;
        }

        if (ColumnsOf(layout, header, strings, file) is not { } columns)
            return file;
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        while (records.MoveNext())
        {
            var (row, fields) = records.Current;
            if (fields.Length <= columns.Max)
            {
                file.Error(strings["Row_Columns", row, columns.Max + 1]);
                continue;
            }

            if (ReadRow(row, fields, columns, strings, file) is not { } household)
                continue;
            if (household.Number is { } number && !numbers.TryAdd(number, row))
            {
                file.Error(strings["Row_DuplicateNumber", row, numbers[number]]);
                continue;
            }

            file.Households.Add(household);
        }

        if (file.Households.Count == 0 && file.ErrorCount == 0)
            file.Error(strings["File_Empty"]);
        return file;
    }

    private static ParsedHousehold? ReadRow(int row, string[] fields, LayoutColumns columns, IStringLocalizer<RosterStrings> strings, RosterFile file)
    {
        var errors = file.ErrorCount;
        var members = new List<RosterMember>(1 + columns.Children.Count);
        var head = Member(row, fields, columns.HeadName, columns.HeadBirthDate, true, strings["Member_Head"], strings, file);
        if (head is not null)
            members.Add(head);
        for (var i = 0; i < columns.Children.Count; i++)
        {
            var (nameColumn, birthColumn) = columns.Children[i];
            if (string.IsNullOrWhiteSpace(fields[nameColumn]) && string.IsNullOrWhiteSpace(fields[birthColumn]))
                continue;
            if (Member(row, fields, nameColumn, birthColumn, false, strings["Member_Child", i + 1], strings, file) is { } child)
                members.Add(child);
        }

        var postal = fields[columns.PostalCode];
        if (!RosterKeys.IsPostalCode(postal))
            file.Error(strings["Row_PostalCode", row]);
        var address = Clean(fields[columns.Address]);
        if (address.Length == 0)
            file.Error(strings["Row_Address", row]);
        var number = columns.HouseholdNumber is { } n ? Clean(fields[n]) : null;
        if (columns.HouseholdNumber is not null && string.IsNullOrEmpty(number))
            file.Error(strings["Row_Number", row]);
        if (file.ErrorCount > errors)
            return null;
        var digits = RosterKeys.PostalDigits(postal);
        return new ParsedHousehold(row, number, string.Concat(digits.AsSpan(0, 3), "-", digits.AsSpan(3)), address, members);
    }

    private static RosterMember? Member(int row, string[] fields, int nameColumn, int birthColumn, bool head, string who, IStringLocalizer<RosterStrings> strings, RosterFile file)
    {
        var name = Clean(fields[nameColumn]);
        if (name.Length == 0)
            file.Error(strings["Row_Name", row, who]);
        else if (name.Length > 100)
            file.Error(strings["Row_NameLength", row, who]);
        if (!JapaneseDate.TryParse(fields[birthColumn], out var birth))
            file.Error(strings["Row_BirthDate", row, who]);
        return name.Length is > 0 and <= 100 && birth != default ? new RosterMember(head, name, birth) : null;
    }

    // Spaces inside a name are kept for display (山田 太郎); only the ends are trimmed. Look-ups fold them away.
    private static string Clean(string value) => value.Normalize(NormalizationForm.FormKC).Trim();

    private static LayoutColumns? ColumnsOf(RosterLayout layout, string[]? header, IStringLocalizer<RosterStrings> strings, RosterFile file)
    {
        int Index(string column)
        {
            if (RosterLayout.IsNumber(column, out var index))
                return index;
            var found = header is null ? -1 : Array.FindIndex(header, h => string.Equals(h.Trim(), column.Trim(), StringComparison.Ordinal));
            if (found < 0)
                file.Error(strings["File_Column", column]);
            return found;
        }

        var columns = new LayoutColumns(
            Index(layout.HeadName), Index(layout.HeadBirthDate), Index(layout.PostalCode), Index(layout.Address),
            layout.HouseholdNumber is { } number ? Index(number) : null,
            [.. layout.Children.Select(c => (Index(c.Name), Index(c.BirthDate)))]);
        return file.ErrorCount > 0 ? null : columns;
    }

    private sealed record LayoutColumns(int HeadName, int HeadBirthDate, int PostalCode, int Address, int? HouseholdNumber, IReadOnlyList<(int Name, int BirthDate)> Children)
    {
        public int Max { get; } = new[] { HeadName, HeadBirthDate, PostalCode, Address, HouseholdNumber ?? 0 }
            .Concat(Children.SelectMany(c => new[] { c.Name, c.BirthDate })).Max();
    }
}

/// <summary>A roster file as read: its households, or the errors that stop it.</summary>
internal sealed class RosterFile
{
    public List<ParsedHousehold> Households { get; } = [];

    /// <summary>The first <see cref="RosterFileReader.MaxListedErrors"/> errors.</summary>
    public List<string> Errors { get; } = [];

    public int ErrorCount { get; private set; }

    public void Error(string message)
    {
        if (++ErrorCount <= RosterFileReader.MaxListedErrors)
            Errors.Add(message);
    }

    public RosterFile Fail(string message)
    {
        Error(message);
        return this;
    }
}

/// <summary>A household as read from a roster file, in clear, before it is encrypted.</summary>
internal sealed record ParsedHousehold(int Row, string? Number, string PostalCode, string Address, IReadOnlyList<RosterMember> Members);
