using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using ConversationHub.Handoff.Resources;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Survey;

/// <summary>
/// The survey as offered: on or off, the consent question, and the items in order. <see cref="Default"/> holds the
/// city's seven required items (利用者満足度調査); <see cref="Check"/> keeps them in every later version.
/// </summary>
internal sealed partial record SurveyDefinition(int Version, bool Enabled, string ConsentText, IReadOnlyList<SurveyItem> Items)
{
    public const int MaxTextLength = 500;
    public const int MaxOptionLength = 100;
    // LINE shows at most 13 quick replies: 12 options and スキップ.
    public const int MaxOptions = 12;
    public const int MaxItems = 30;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The required items, in their default order, with their default type.</summary>
    public static IReadOnlyList<(string Key, SurveyItemType Type)> RequiredItems { get; } =
    [
        ("age", SurveyItemType.Choice), ("gender", SurveyItemType.Choice), ("learned", SurveyItemType.Choice),
        ("frequency", SurveyItemType.Choice), (SurveyItem.SatisfactionKey, SurveyItemType.FiveLevel),
        (SurveyItem.ReasonKey, SurveyItemType.FreeText), ("opinions", SurveyItemType.FreeText),
    ];

    /// <summary>Version 1: on, with the required items worded from <c>SurveyStrings.resx</c>; only satisfaction must be answered.</summary>
    public static SurveyDefinition Default(IStringLocalizer<SurveyStrings> strings) => new(
        1,
        true,
        strings["Default_Consent"],
        [.. RequiredItems.Select(r => new SurveyItem(
            r.Key,
            strings["Default_" + r.Key + "_Question"],
            r.Type,
            r.Type == SurveyItemType.Choice ? strings["Default_" + r.Key + "_Options"].Value.Split('|') : [],
            Required: r.Key == SurveyItem.SatisfactionKey,
            Fixed: true))]);

    public static SurveyDefinition Of(SurveyVersion version) =>
        new(version.Number, version.Enabled, version.ConsentText, JsonSerializer.Deserialize<List<SurveyItem>>(version.ItemsJson, Json) ?? []);

    public string ItemsJson() => JsonSerializer.Serialize(Items, Json);

    /// <summary>What is wrong with this definition (resource keys of <c>SurveyStrings</c>); empty when it can be saved.</summary>
    public IReadOnlyList<string> Check()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(ConsentText) || ConsentText.Length > MaxTextLength)
            errors.Add("Error_Consent");
        if (Items.Count is 0 or > MaxItems)
            errors.Add("Error_ItemCount");
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in Items)
        {
            if (!KeyPattern().IsMatch(item.Key) || !keys.Add(item.Key))
                errors.Add("Error_Key");
            if (string.IsNullOrWhiteSpace(item.Question) || item.Question.Length > MaxTextLength)
                errors.Add("Error_Question");
            if (item.Type == SurveyItemType.Choice && (item.Options.Count is < 2 or > MaxOptions || item.Options.Any(o => o.Length is 0 or > MaxOptionLength)
                || item.Options.Distinct(StringComparer.Ordinal).Count() != item.Options.Count))
                errors.Add("Error_Options");
        }

        foreach (var (key, type) in RequiredItems)
        {
            var item = Items.FirstOrDefault(i => i.Key == key);
            // The reason may be asked as free text or as choices; the other required items keep their type.
            var typeKept = item is not null && (item.Type == type || (key == SurveyItem.ReasonKey && item.Type == SurveyItemType.Choice));
            if (!typeKept)
                errors.Add("Error_RequiredItem");
        }

        return [.. errors.Distinct(StringComparer.Ordinal)];
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
