using ConversationHub.Core.Programs;
using ConversationHub.Handoff.Programs.Forms;

namespace ConversationHub.Handoff.Programs.Languages;

/// <summary>
/// A form field's label and choices in one language besides Japanese, kept in the form version with the field.
/// <paramref name="Options"/> follow the Japanese choices one for one (a blank one has no translation); the values
/// stored with an entry stay the Japanese choices, so exports and duplicates do not depend on the citizen's language.
/// </summary>
internal sealed record FormFieldTranslation(string Language, string? Label, IReadOnlyList<string>? Options = null);

/// <summary>A field's texts in a citizen's language, the Japanese standing in where none was entered.</summary>
internal static class FormFieldTexts
{
    /// <summary>The field's label in <paramref name="language"/>.</summary>
    public static LocalizedProgramText LabelIn(this FormField field, string language)
    {
        ArgumentNullException.ThrowIfNull(field);
        return TranslationOf(field, language) is { Label: { Length: > 0 } label } ? new(label, true) : new(field.Label, IsJapanese(language));
    }

    /// <summary>The field's choice number <paramref name="index"/> in <paramref name="language"/>.</summary>
    public static LocalizedProgramText OptionIn(this FormField field, string language, int index)
    {
        ArgumentNullException.ThrowIfNull(field);
        var japanese = field.OptionList[index];
        return TranslationOf(field, language)?.Options is { } options && index < options.Count && options[index] is { Length: > 0 } option
            ? new(option, true)
            : new(japanese, IsJapanese(language));
    }

    /// <summary>
    /// The problems of a definition's translations, as <c>ProgramLanguageStrings</c> keys with their arguments: a label too
    /// long, or choices that do not follow the Japanese ones one for one.
    /// </summary>
    public static IReadOnlyList<(string Key, object[] Args)> Check(FormDefinition form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new List<(string, object[])>();
        foreach (var field in form.Fields)
        {
            foreach (var translation in field.Translations ?? [])
            {
                if (translation.Label is { Length: > FormDefinition.MaxNameLength })
                {
                    errors.Add(("Form_Error_Label", [field.Label, translation.Language, FormDefinition.MaxNameLength]));
                }

                if (translation.Options is { Count: > 0 } options && (options.Count != field.OptionList.Count || options.Any(o => o.Length > FormDefinition.MaxNameLength)))
                {
                    errors.Add(("Form_Error_Options", [field.Label, translation.Language, field.OptionList.Count]));
                }
            }
        }

        return errors;
    }

    private static FormFieldTranslation? TranslationOf(FormField field, string language) =>
        field.Translations?.FirstOrDefault(t => string.Equals(t.Language, language, StringComparison.Ordinal));

    private static bool IsJapanese(string language) => string.IsNullOrEmpty(language) || string.Equals(language, "ja", StringComparison.Ordinal);
}
