using ConversationHub.Handoff.Programs.Rosters;
using ConversationHub.Handoff.Resources;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Pages.Console.Programs;

/// <summary>The roster page's column-layout form; children are one line each, "name column,date-of-birth column".</summary>
internal sealed class RosterLayoutForm
{
    private const int MaxColumnLength = 100;

    public bool HeaderRow { get; set; } = true;

    public RosterEncoding Encoding { get; set; }

    public string? HeadName { get; set; }

    public string? HeadBirthDate { get; set; }

    public string? Children { get; set; }

    public string? PostalCode { get; set; }

    public string? Address { get; set; }

    public string? HouseholdNumber { get; set; }

    public static RosterLayoutForm Of(RosterLayout? layout) => layout is null ? new() : new()
    {
        HeaderRow = layout.HeaderRow,
        Encoding = layout.Encoding,
        HeadName = layout.HeadName,
        HeadBirthDate = layout.HeadBirthDate,
        Children = string.Join("\n", layout.Children.Select(c => c.Name + "," + c.BirthDate)),
        PostalCode = layout.PostalCode,
        Address = layout.Address,
        HouseholdNumber = layout.HouseholdNumber,
    };

    /// <summary>The layout, or the errors that stop it.</summary>
    public RosterLayout? ToLayout(IStringLocalizer<RosterStrings> strings, List<string> errors)
    {
        string Required(string? value, string label)
        {
            if (string.IsNullOrWhiteSpace(value))
                errors.Add(strings["Layout_Required", strings[label]]);
            return value?.Trim() ?? "";
        }

        var head = Required(HeadName, "Layout_HeadName");
        var headBirth = Required(HeadBirthDate, "Layout_HeadBirthDate");
        var postal = Required(PostalCode, "Layout_PostalCode");
        var address = Required(Address, "Layout_Address");
        var children = new List<RosterChildColumns>();
        var lines = (Children ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var parts = lines[i].Replace('，', ',').Split(',', StringSplitOptions.TrimEntries);
            if (parts is [{ Length: > 0 } name, { Length: > 0 } birth])
                children.Add(new RosterChildColumns(name, birth));
            else
                errors.Add(strings["Layout_ChildLine", i + 1]);
        }

        if (children.Count > RosterLayout.MaxChildren)
            errors.Add(strings["Layout_TooManyChildren", RosterLayout.MaxChildren]);
        var layout = new RosterLayout(HeaderRow, Encoding, head, headBirth, children, postal, address,
            string.IsNullOrWhiteSpace(HouseholdNumber) ? null : HouseholdNumber.Trim());
        if (layout.Columns().Any(c => c.Length > MaxColumnLength))
            errors.Add(strings["Layout_TooLong"]);
        var named = layout.Columns().Where(c => c.Length > 0 && !RosterLayout.IsNumber(c, out _)).ToList();
        if (!HeaderRow && named.Count > 0)
            errors.Add(strings["Layout_NumberWithoutHeader", string.Join("、", named)]);
        return errors.Count == 0 ? layout : null;
    }
}
