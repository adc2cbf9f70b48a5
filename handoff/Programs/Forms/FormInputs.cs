using Microsoft.AspNetCore.Http;

namespace ConversationHub.Handoff.Programs.Forms;

/// <summary>
/// The answers' inputs in a posted page: named <c>f.</c> + the input name of <see cref="FormAnswers"/>, so they never
/// collide with the page's own fields (handler, ticket, antiforgery).
/// </summary>
internal static class FormInputs
{
    public const string Prefix = "f.";

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Read(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var inputs = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (name, values) in form)
        {
            if (name.StartsWith(Prefix, StringComparison.Ordinal))
            {
                inputs[name[Prefix.Length..]] = [.. values.Select(v => v ?? "")];
            }
        }

        return inputs;
    }

    /// <summary>The inputs that give back stored answers (to edit them again).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Of(FormDefinition form, IReadOnlyDictionary<string, string> values) =>
        FormAnswers.InputsOf(form, values).GroupBy(i => i.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(i => i.Value)], StringComparer.Ordinal);
}
