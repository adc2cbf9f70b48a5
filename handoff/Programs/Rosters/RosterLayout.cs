using System.Globalization;
using System.Text.Json;

namespace ConversationHub.Handoff.Programs.Rosters;

/// <summary>
/// Where a program's roster CSV keeps each field, as its administrator configured it. A column is named by its header
/// (when the file has a header row) or by its 1-based number. Children are pairs of name and date-of-birth columns,
/// as many as the city's file repeats (子1氏名, 子1生年月日, 子2氏名, …).
/// </summary>
internal sealed record RosterLayout(
    bool HeaderRow,
    RosterEncoding Encoding,
    string HeadName,
    string HeadBirthDate,
    IReadOnlyList<RosterChildColumns> Children,
    string PostalCode,
    string Address,
    string? HouseholdNumber)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>The most children columns a layout may name.</summary>
    public const int MaxChildren = 20;

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static RosterLayout? FromJson(string? json) =>
        string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize<RosterLayout>(json, Json);

    /// <summary>Every column reference the layout names, with what it holds (for the header check).</summary>
    public IEnumerable<string> Columns()
    {
        yield return HeadName;
        yield return HeadBirthDate;
        yield return PostalCode;
        yield return Address;
        if (HouseholdNumber is not null)
            yield return HouseholdNumber;
        foreach (var child in Children)
        {
            yield return child.Name;
            yield return child.BirthDate;
        }
    }

    /// <summary>Whether <paramref name="column"/> is a column number rather than a header.</summary>
    public static bool IsNumber(string column, out int index)
    {
        var ok = int.TryParse(column, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 1000;
        index = ok ? number - 1 : -1;
        return ok;
    }
}

/// <summary>A child's two columns in a roster layout.</summary>
internal sealed record RosterChildColumns(string Name, string BirthDate);

/// <summary>The character encodings a roster file may come in.</summary>
internal enum RosterEncoding
{
    /// <summary>UTF-8, with or without a byte-order mark.</summary>
    Utf8,

    /// <summary>Shift_JIS (code page 932, as Excel saves "CSV" on Japanese Windows).</summary>
    ShiftJis,
}
