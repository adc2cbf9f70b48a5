using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ConversationHub.Handoff.Resources;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Cases;

/// <summary>The checked, normalised values of a <see cref="CaseInput"/>.</summary>
internal sealed record CaseValues(
    Guid? CategoryId, string? InquiryType, string Flags, string? Subject, string? Description, string? ContactName, string? ContactKana,
    string? ContactPhone, string? ContactEmail, string? PostalCode, string? Address, string? CustomFieldsJson);

/// <summary>
/// Checks a case's fields against the administrators' lists and the custom fields' definitions. Messages are Japanese
/// (staff and citizens read them) and name the field; the keys are the JSON names, as in RFC 7807 validation problems.
/// </summary>
internal sealed partial class CaseValidator(IStringLocalizer<HandoffStrings> strings)
{
    public const int MaxSubject = 200;
    public const int MaxDescription = 8000;
    public const int MaxName = 100;
    public const int MaxAddress = 300;
    public const int MaxCustomText = 1000;

    public (CaseValues? Values, Dictionary<string, string[]> Errors) Validate(CaseInput input, CaseCatalogSnapshot catalog, CustomFieldCheck check = CustomFieldCheck.Staff)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Error(string field, string key, params object[] args) => errors[field] = [strings[key, args].Value];

        if (input.CategoryId is { } categoryId && !catalog.Categories.Any(c => c.Id == categoryId && c.IsActive))
        {
            Error("categoryId", "Cases_Error_UnknownCategory");
        }

        var inquiryType = CaseContact.NormalizeText(input.InquiryType);
        if (inquiryType is not null && !catalog.Active(CaseOptionKind.InquiryType).Any(o => o.Code == inquiryType))
        {
            Error("inquiryType", "Cases_Error_UnknownOption");
        }

        var flags = (input.Flags ?? []).Select(f => f.Trim()).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (flags.Any(f => !catalog.Active(CaseOptionKind.InquiryFlag).Any(o => o.Code == f)))
        {
            Error("flags", "Cases_Error_UnknownOption");
        }

        var subject = Text(input.Subject, "subject", MaxSubject);
        var description = Text(input.Description, "description", MaxDescription);
        var name = Text(input.ContactName, "contactName", MaxName);
        var kana = Text(input.ContactKana, "contactKana", MaxName);
        if (kana is not null && !KanaPattern().IsMatch(kana))
        {
            Error("contactKana", "Cases_Error_Kana");
        }

        string? phone = null;
        if (CaseContact.NormalizeText(input.ContactPhone) is { } rawPhone)
        {
            var digits = CaseContact.Digits(rawPhone);
            if (!PhonePattern().IsMatch(rawPhone) || digits.Length is < 10 or > 11 || digits[0] != '0')
            {
                Error("contactPhone", "Cases_Error_Phone");
            }
            else
            {
                phone = rawPhone;
            }
        }

        string? email = null;
        if (CaseContact.NormalizeText(input.ContactEmail) is { } rawEmail)
        {
            if (!IsMailAddress(rawEmail))
            {
                Error("contactEmail", "Cases_Error_Email");
            }
            else
            {
                email = rawEmail;
            }
        }

        string? postal = null;
        if (CaseContact.NormalizeText(input.PostalCode) is { } rawPostal)
        {
            var digits = CaseContact.Digits(rawPostal);
            if (digits.Length != 7 || !PostalPattern().IsMatch(rawPostal))
            {
                Error("postalCode", "Cases_Error_Postal");
            }
            else
            {
                postal = $"{digits[..3]}-{digits[3..]}";
            }
        }

        var address = Text(input.Address, "address", MaxAddress);
        var custom = Custom(input.CustomFields, catalog, check, errors);
        return errors.Count > 0
            ? (null, errors)
            : (new CaseValues(input.CategoryId, inquiryType, string.Join(',', flags), subject, description, name, kana, phone, email, postal, address, custom), errors);

        string? Text(string? value, string field, int max)
        {
            var text = value?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            if (text.Length > max)
            {
                Error(field, "Cases_Error_TooLong", max);
            }

            return text;
        }
    }

    /// <summary>Whether <paramref name="value"/> is one plain mail address (no display name, no list).</summary>
    public static bool IsMailAddress(string value) => Core.Handoff.CitizenMailAddress.IsValid(value);

    private string? Custom(IReadOnlyDictionary<string, JsonElement>? input, CaseCatalogSnapshot catalog, CustomFieldCheck check, Dictionary<string, string[]> errors)
    {
        var fields = catalog.Fields.Where(f => f.IsActive && (check != CustomFieldCheck.InquiryForm || f.Scope == CaseFieldScope.InquiryForm)).ToList();
        var values = new JsonObject();
        var given = input ?? new Dictionary<string, JsonElement>();
        foreach (var key in given.Keys.Where(k => !fields.Any(f => f.Key == k)))
        {
            errors[$"customFields.{key}"] = [strings["Cases_Error_UnknownField"].Value];
        }

        foreach (var field in fields)
        {
            var path = $"customFields.{field.Key}";
            if (!given.TryGetValue(field.Key, out var value) || IsEmpty(value))
            {
                if (field.Required && check != CustomFieldCheck.NotAsked)
                {
                    errors[path] = [strings["Cases_Error_Required", field.Label].Value];
                }

                continue;
            }

            JsonNode? node = field.Type switch
            {
                CaseFieldType.Text when value.ValueKind == JsonValueKind.String && value.GetString()!.Trim().Length <= MaxCustomText => value.GetString()!.Trim(),
                CaseFieldType.Number when ParseNumber(value) is { } number => number,
                CaseFieldType.Date when value.ValueKind == JsonValueKind.String
                    && DateOnly.TryParseExact(value.GetString()!.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                CaseFieldType.Choice when value.ValueKind == JsonValueKind.String && field.ChoiceList.Contains(value.GetString()!) => value.GetString(),
                CaseFieldType.MultiChoice when value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String && field.ChoiceList.Contains(v.GetString()!))
                    => new JsonArray(value.EnumerateArray().Select(v => v.GetString()).Distinct().Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()),
                _ => null,
            };
            if (node is null)
            {
                errors[path] = [strings["Cases_Error_FieldType_" + field.Type, field.Label].Value];
                continue;
            }

            values[field.Key] = node;
        }

        return values.Count == 0 ? null : values.ToJsonString();
    }

    private static bool IsEmpty(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => true,
        JsonValueKind.String => string.IsNullOrWhiteSpace(value.GetString()),
        JsonValueKind.Array => value.GetArrayLength() == 0,
        _ => false,
    };

    private static decimal? ParseNumber(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetDecimal(out var d) => d,
        JsonValueKind.String when decimal.TryParse(value.GetString()!.Normalize(System.Text.NormalizationForm.FormKC).Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    [GeneratedRegex(@"^[\p{IsKatakana}\p{IsHiragana}ー・\s　]+$")]
    private static partial Regex KanaPattern();

    [GeneratedRegex(@"^[0-9０-９\-－‐ー()（）\s+＋]+$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^〒?\s*[0-9０-９]{3}[\-－‐ー]?[0-9０-９]{4}$")]
    private static partial Regex PostalPattern();
}
