namespace ConversationHub.Handoff.Programs.Forms;

/// <summary>
/// One field of a program form. <paramref name="MaxLength"/> applies to text-like fields; <paramref name="Min"/> and
/// <paramref name="Max"/> to numbers; <paramref name="Options"/> to choices. <paramref name="Translations"/> are its label
/// and choices in the program's other languages (the public form's <c>?lang=</c>), where an editor entered them.
/// </summary>
internal sealed record FormField(
    string Key,
    string Label,
    FormFieldType Type,
    bool Required,
    int? MaxLength = null,
    decimal? Min = null,
    decimal? Max = null,
    IReadOnlyList<string>? Options = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<ConversationHub.Handoff.Programs.Languages.FormFieldTranslation>? Translations = null)
{
    /// <summary>The longest text any field keeps, whatever its own limit.</summary>
    public const int LongestText = 1000;

    /// <summary>The key under which a postal field keeps its address.</summary>
    public string AddressKey => Key + ".address";

    public IReadOnlyList<string> OptionList => Options ?? [];

    /// <summary>The limit that applies to a text-like value.</summary>
    public int TextLimit => MaxLength is > 0 and <= LongestText ? MaxLength.Value : LongestText;

    public bool IsChoice => Type is FormFieldType.Choice or FormFieldType.MultiChoice;
}
