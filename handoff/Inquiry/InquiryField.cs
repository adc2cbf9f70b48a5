using ConversationHub.Handoff.Cases;

namespace ConversationHub.Handoff.Inquiry;

/// <summary>One administrator-defined field as the form shows it: its definition, the HTML name and the citizen's values.</summary>
internal sealed record InquiryField(CaseFieldDefinition Definition, IReadOnlyList<string> Values)
{
    /// <summary>The form field's name and id (keys are ASCII letters, digits and underscores).</summary>
    public string Name => NameOf(Definition.Key);

    /// <summary>The one value of a single-valued field.</summary>
    public string Value => Values.Count > 0 ? Values[0] : "";

    public static string NameOf(string key) => "cf_" + key;
}
