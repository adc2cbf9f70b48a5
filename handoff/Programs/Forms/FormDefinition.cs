using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using ConversationHub.Handoff.Cases;

namespace ConversationHub.Handoff.Programs.Forms;

/// <summary>
/// A program form as one version defines it: its name, whether citizens may fill the public version, its fields, the
/// fields whose values together warn of a duplicate (e.g. name + date of birth), and its CSV layout. Versions are
/// stored whole (<see cref="ProgramFormVersion"/>); an entry keeps the one it was taken on.
/// </summary>
internal sealed partial record FormDefinition(
    Guid FormId,
    int Version,
    Guid ProgramId,
    string Name,
    bool PublicAllowed,
    IReadOnlyList<FormField> Fields,
    IReadOnlyList<string> DuplicateKeys,
    IReadOnlyList<FormExportColumn> Columns,
    CaseCsvEncoding Encoding)
{
    public const int MaxNameLength = 100;
    public const int MaxFields = 50;
    public const int MaxOptions = 50;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static FormDefinition Of(ProgramFormVersion stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var body = JsonSerializer.Deserialize<Body>(stored.DefinitionJson, Json) ?? new Body([], [], [], CaseCsvEncoding.Utf8);
        return new FormDefinition(stored.FormId, stored.Number, stored.ProgramId, stored.Name, stored.PublicAllowed, body.Fields, body.DuplicateKeys, body.Columns, body.Encoding);
    }

    public string BodyJson() => JsonSerializer.Serialize(new Body(Fields, DuplicateKeys, Columns, Encoding), Json);

    public FormField? FieldOf(string key) => Fields.FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.Ordinal));

    /// <summary>The CSV columns: the configured ones, or when none, the time taken and every field under its label.</summary>
    public IReadOnlyList<FormExportColumn> EffectiveColumns() => Columns.Count > 0
        ? Columns
        : [new FormExportColumn(FormExportColumn.Meta.TakenAt, "受付日時"), .. Fields.SelectMany(DefaultColumns)];

    private static IEnumerable<FormExportColumn> DefaultColumns(FormField field) => field.Type == FormFieldType.PostalCode
        ? [new FormExportColumn(field.Key, field.Label), new FormExportColumn(field.AddressKey, field.Label + "（住所）")]
        : [new FormExportColumn(field.Key, field.Label)];

    /// <summary>The problems of this definition, as <c>ProgramFormStrings</c> keys with their arguments; empty when it can be saved.</summary>
    public IReadOnlyList<(string Key, object[] Args)> Check()
    {
        var errors = new List<(string, object[])>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > MaxNameLength)
        {
            errors.Add(("Define_Error_Name", [MaxNameLength]));
        }

        if (Fields.Count is 0 or > MaxFields)
        {
            errors.Add(("Define_Error_FieldCount", [MaxFields]));
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in Fields)
        {
            if (!KeyPattern().IsMatch(field.Key) || !keys.Add(field.Key))
            {
                errors.Add(("Define_Error_Key", [field.Key]));
            }

            if (string.IsNullOrWhiteSpace(field.Label) || field.Label.Length > MaxNameLength)
            {
                errors.Add(("Define_Error_Label", [field.Key, MaxNameLength]));
            }

            if (field.MaxLength is < 1 or > FormField.LongestText)
            {
                errors.Add(("Define_Error_MaxLength", [field.Label, FormField.LongestText]));
            }

            if (field.Min is { } min && field.Max is { } max && min > max)
            {
                errors.Add(("Define_Error_Range", [field.Label]));
            }

            if (field.IsChoice && (field.OptionList.Count < 2 || field.OptionList.Count > MaxOptions
                || field.OptionList.Distinct(StringComparer.Ordinal).Count() != field.OptionList.Count
                || field.OptionList.Any(o => o.Length > MaxNameLength)))
            {
                errors.Add(("Define_Error_Options", [field.Label, MaxOptions]));
            }
        }

        foreach (var key in DuplicateKeys.Where(k => !keys.Contains(k)))
        {
            errors.Add(("Define_Error_DuplicateKey", [key]));
        }

        foreach (var column in Columns)
        {
            var known = FormExportColumn.Meta.All.Contains(column.Source, StringComparer.Ordinal)
                || keys.Contains(column.Source)
                || Fields.Any(f => f.Type == FormFieldType.PostalCode && string.Equals(f.AddressKey, column.Source, StringComparison.Ordinal));
            if (!known || string.IsNullOrWhiteSpace(column.Header) || column.Header.Length > MaxNameLength)
            {
                errors.Add(("Define_Error_Column", [column.Source]));
            }
        }

        return errors;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();

    private sealed record Body(IReadOnlyList<FormField> Fields, IReadOnlyList<string> DuplicateKeys, IReadOnlyList<FormExportColumn> Columns, CaseCsvEncoding Encoding);
}
