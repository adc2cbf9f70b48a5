using System.Text.RegularExpressions;

namespace ConversationHub.Handoff.Agents;

/// <summary>
/// What an agent's routing profile may hold, checked the same way wherever it is set (the supervisors' API, the
/// administrators' user page). Errors are keyed by field; callers word them for their audience.
/// </summary>
internal static partial class AgentProfileRules
{
    public const int MaxCategories = 50;

    public const int MaxCategoryLength = 100;

    /// <summary>The fields that are wrong, each with an English explanation (the API's wording).</summary>
    public static Dictionary<string, string[]> Validate(int? maxChats, IReadOnlyList<string>? categories, IReadOnlyList<string>? languages, string? phoneTarget)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (maxChats is < 1 or > 50)
        {
            errors["maxChats"] = ["maxChats must be from 1 to 50, or null for the center's setting."];
        }

        if (categories?.Any(c => string.IsNullOrWhiteSpace(c) || c.Length > MaxCategoryLength || c.Contains('|', StringComparison.Ordinal)) == true || categories?.Count > MaxCategories)
        {
            errors["categories"] = ["categories are at most 50 names of 1 to 100 characters, without '|'."];
        }

        if (languages?.Any(l => l is null || !LanguageTag().IsMatch(l)) == true)
        {
            errors["languages"] = ["languages are primary language tags such as 'ja' or 'en'."];
        }

        if (phoneTarget is { Length: > 0 } phone && !AgentPhone.IsValid(phone.Trim()))
        {
            errors["phoneTarget"] = ["phoneTarget is an E.164 number (+81…) or an ACS user identity (8:acs:…), or empty for none."];
        }

        return errors;
    }

    [GeneratedRegex("^[A-Za-z]{2,3}$")]
    private static partial Regex LanguageTag();
}
