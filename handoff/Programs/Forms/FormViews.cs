namespace ConversationHub.Handoff.Programs.Forms;

/// <summary>What the fields partial (<c>_ProgramFormFields</c>) renders: a form version with its inputs and messages.</summary>
internal sealed record FormFieldsView(
    FormDefinition Form,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Inputs,
    IReadOnlyDictionary<string, string> Errors,
    bool PostalLookup,
    string Language = "ja")
{
    /// <summary>Whether the citizen reads another language than Japanese (the public form's <c>?lang=</c>).</summary>
    public bool Translating => !string.Equals(Language, "ja", StringComparison.Ordinal);

    /// <summary>The <c>lang</c> attribute of a shown text: none in Japanese, the Japanese's where it stands in.</summary>
    public string? LangOf(ConversationHub.Core.Programs.LocalizedProgramText text) => !Translating ? null : text.Translated ? Language : "ja";

    public string One(string name) => Inputs.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : "";

    public bool Has(string name, string value) => Inputs.TryGetValue(name, out var values) && values.Contains(value, StringComparer.Ordinal);
}

/// <summary>What the read-back partial (<c>_ProgramFormReadBack</c>) renders: every answer of a version in words.</summary>
internal sealed record FormReadBackView(FormDefinition Form, IReadOnlyDictionary<string, string> Values, bool WithHiddenInputs, string Language = "ja");
