using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ConversationHub.Handoff.Postal;
using ConversationHub.Handoff.Resources;
using Microsoft.Extensions.Localization;

namespace ConversationHub.Handoff.Programs.Forms;

/// <summary>
/// Checks and normalizes the answers typed into a form version (agent's or citizen's) and says what is wrong in plain
/// Japanese. Inputs are by input name: a field's key; a postal field's <c>key.address</c> too; a date of birth's
/// <c>key.era</c>, <c>key.year</c>, <c>key.month</c>, <c>key.day</c>; a multi-choice repeats its key. The normalized
/// answers map back to the same inputs (<see cref="InputsOf"/>), so the read-back step can carry them and the save
/// checks them again.
/// </summary>
internal sealed partial class FormAnswers(PostalCodeDirectory postalCodes, IStringLocalizer<ProgramFormStrings> strings, TimeProvider time)
{
    /// <summary>What a check found: the normalized answers (only when there are no errors) and the errors by field key.</summary>
    public sealed record Result(IReadOnlyDictionary<string, string> Values, IReadOnlyDictionary<string, string> Errors)
    {
        public bool IsValid => Errors.Count == 0;
    }

    public Result Check(FormDefinition form, IReadOnlyDictionary<string, IReadOnlyList<string>> inputs)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(inputs);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        string One(string name) => inputs.TryGetValue(name, out var given) && given.Count > 0 ? (given[0] ?? "").Trim() : "";
        foreach (var field in form.Fields)
        {
            var error = field.Type switch
            {
                FormFieldType.BirthDate => CheckBirthDate(field, One(field.Key + ".era"), One(field.Key + ".year"), One(field.Key + ".month"), One(field.Key + ".day"), values),
                FormFieldType.MultiChoice => CheckMultiChoice(field, inputs.TryGetValue(field.Key, out var chosen) ? chosen : [], values),
                FormFieldType.PostalCode => CheckPostalCode(field, One(field.Key), One(field.AddressKey), values),
                _ => CheckSingle(field, One(field.Key), values),
            };
            if (error is not null)
            {
                errors[field.Key] = error;
            }
        }

        return errors.Count == 0 ? new Result(values, errors) : new Result(new Dictionary<string, string>(StringComparer.Ordinal), errors);
    }

    /// <summary>Checks the answers posted with a page (<see cref="FormInputs"/>); returns the inputs too, to show them again.</summary>
    public (IReadOnlyDictionary<string, IReadOnlyList<string>> Inputs, Result Result) CheckPosted(FormDefinition form, Microsoft.AspNetCore.Http.IFormCollection posted)
    {
        var inputs = FormInputs.Read(posted);
        return (inputs, Check(form, inputs));
    }

    /// <summary>The inputs that give back <paramref name="values"/> (for the read-back step's hidden fields and for editing).</summary>
    public static IReadOnlyList<(string Name, string Value)> InputsOf(FormDefinition form, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(values);
        var inputs = new List<(string, string)>();
        foreach (var field in form.Fields)
        {
            var value = values.GetValueOrDefault(field.Key) ?? "";
            switch (field.Type)
            {
                case FormFieldType.BirthDate when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && JapaneseEra.Of(date) is { } era:
                    inputs.Add((field.Key + ".era", era.Era));
                    inputs.Add((field.Key + ".year", era.Year.ToString(CultureInfo.InvariantCulture)));
                    inputs.Add((field.Key + ".month", date.Month.ToString(CultureInfo.InvariantCulture)));
                    inputs.Add((field.Key + ".day", date.Day.ToString(CultureInfo.InvariantCulture)));
                    break;
                case FormFieldType.MultiChoice:
                    inputs.AddRange(Split(value).Select(v => (field.Key, v)));
                    break;
                case FormFieldType.PostalCode:
                    inputs.Add((field.Key, value));
                    inputs.Add((field.AddressKey, values.GetValueOrDefault(field.AddressKey) ?? ""));
                    break;
                default:
                    inputs.Add((field.Key, value));
                    break;
            }
        }

        return inputs;
    }

    /// <summary>An answer as it is read back to the caller: dates in words, a date of birth in its era, choices joined.</summary>
    public string Display(FormField field, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(values);
        var value = values.GetValueOrDefault(field.Key) ?? "";
        if (value.Length == 0 && field.Type != FormFieldType.PostalCode)
        {
            return strings["Answer_Blank"];
        }

        return field.Type switch
        {
            FormFieldType.Date when ParseIso(value) is { } date => strings["Answer_Date", date.Year, date.Month, date.Day],
            FormFieldType.BirthDate when ParseIso(value) is { } date => strings["Answer_BirthDate", JapaneseEra.Format(date), date.Year],
            FormFieldType.MultiChoice => string.Join('、', Split(value)),
            FormFieldType.PostalCode => value.Length == 0 ? strings["Answer_Blank"] : strings["Answer_Postal", value, values.GetValueOrDefault(field.AddressKey) ?? ""],
            _ => value,
        };
    }

    /// <summary>The multi-choice separator inside a stored value (options cannot contain a line break).</summary>
    public static IEnumerable<string> Split(string value) => value.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static DateOnly? ParseIso(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private string? CheckSingle(FormField field, string input, Dictionary<string, string> values)
    {
        if (input.Length == 0)
        {
            return field.Required ? Message(field.IsChoice ? "Error_RequiredChoice" : "Error_Required", field.Label) : null;
        }

        if (input.Length > field.TextLimit)
        {
            return Message("Error_TooLong", field.Label, field.TextLimit);
        }

        string? normalized;
        string? error;
        switch (field.Type)
        {
            case FormFieldType.Kana:
                normalized = KanaText.Normalize(input);
                error = normalized is null ? Message("Error_Kana", field.Label) : null;
                break;
            case FormFieldType.Number:
                (normalized, error) = CheckNumber(field, input);
                break;
            case FormFieldType.Date:
                var date = ParseDate(input);
                normalized = date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                error = date is null ? Message("Error_Date", field.Label) : null;
                break;
            case FormFieldType.Phone:
                normalized = NormalizePhone(input);
                error = normalized is null ? Message("Error_Phone", field.Label) : null;
                break;
            case FormFieldType.Email:
                normalized = input.Normalize(NormalizationForm.FormKC).Trim();
                error = normalized.Length <= 254 && EmailPattern().IsMatch(normalized) ? null : Message("Error_Email", field.Label);
                break;
            case FormFieldType.Choice:
                normalized = input;
                error = field.OptionList.Contains(input, StringComparer.Ordinal) ? null : Message("Error_Choice", field.Label);
                break;
            default:
                normalized = input;
                error = null;
                break;
        }

        if (error is null && normalized is not null)
        {
            values[field.Key] = normalized;
        }

        return error;
    }

    private (string?, string?) CheckNumber(FormField field, string input)
    {
        var text = input.Normalize(NormalizationForm.FormKC).Replace(",", "", StringComparison.Ordinal);
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return (null, Message("Error_Number", field.Label));
        }

        if ((field.Min is { } min && number < min) || (field.Max is { } max && number > max))
        {
            var low = field.Min?.ToString(CultureInfo.InvariantCulture) ?? "";
            var high = field.Max?.ToString(CultureInfo.InvariantCulture) ?? "";
            return (null, Message("Error_Range", field.Label, low, high));
        }

        return (number.ToString(CultureInfo.InvariantCulture), null);
    }

    private string? CheckBirthDate(FormField field, string era, string year, string month, string day, Dictionary<string, string> values)
    {
        if (era.Length == 0 && year.Length == 0 && month.Length == 0 && day.Length == 0)
        {
            return field.Required ? Message("Error_Required", field.Label) : null;
        }

        var date = int.TryParse(year.Normalize(NormalizationForm.FormKC).Replace("元", "1", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && int.TryParse(month.Normalize(NormalizationForm.FormKC), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && int.TryParse(day.Normalize(NormalizationForm.FormKC), NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            ? JapaneseEra.ToDate(era, y, m, d)
            : null;
        if (date is null)
        {
            return Message("Error_BirthDate", field.Label);
        }

        if (date > DateOnly.FromDateTime(Core.Calendar.JapanTime.ToJapan(time.GetUtcNow()).DateTime))
        {
            return Message("Error_BirthDateFuture", field.Label);
        }

        values[field.Key] = date.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return null;
    }

    private string? CheckMultiChoice(FormField field, IReadOnlyList<string> chosen, Dictionary<string, string> values)
    {
        var picked = chosen.Where(c => !string.IsNullOrEmpty(c)).Distinct(StringComparer.Ordinal).ToList();
        if (picked.Count == 0)
        {
            return field.Required ? Message("Error_RequiredChoice", field.Label) : null;
        }

        if (picked.Any(p => !field.OptionList.Contains(p, StringComparer.Ordinal)))
        {
            return Message("Error_Choice", field.Label);
        }

        // Stored in the options' order, whatever order they came in.
        values[field.Key] = string.Join('\n', field.OptionList.Where(picked.Contains));
        return null;
    }

    private string? CheckPostalCode(FormField field, string code, string address, Dictionary<string, string> values)
    {
        if (code.Length == 0)
        {
            if (address.Length > 0)
            {
                return Message("Error_PostalMissing", field.Label);
            }

            return field.Required ? Message("Error_Required", field.Label) : null;
        }

        if (!PostalCode.TryNormalize(code, out var digits, out _, out _))
        {
            return Message("Error_Postal", field.Label);
        }

        if (address.Length > field.TextLimit)
        {
            return Message("Error_TooLong", field.Label, field.TextLimit);
        }

        var candidates = postalCodes.Find(digits);
        if (postalCodes.Dataset is not null && candidates.Count == 0)
        {
            return Message("Error_PostalUnknown", field.Label, digits[..3] + "-" + digits[3..]);
        }

        if (address.Length == 0 && candidates.Count > 0)
        {
            // Several towns share some codes: fill what they have in common (at least the city), the rest is typed.
            address = CommonPrefix(candidates.Select(c => c.Address));
        }

        values[field.Key] = digits[..3] + "-" + digits[3..];
        values[field.AddressKey] = address;
        return null;
    }

    private static string CommonPrefix(IEnumerable<string> texts)
    {
        string? prefix = null;
        foreach (var text in texts)
        {
            prefix = prefix is null ? text : prefix[..prefix.Zip(text).TakeWhile(p => p.First == p.Second).Count()];
        }

        return prefix ?? "";
    }

    private static DateOnly? ParseDate(string input)
    {
        var text = input.Normalize(NormalizationForm.FormKC).Replace('/', '-');
        return DateOnly.TryParseExact(text, ["yyyy-M-d", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    // Hyphens as entered are kept (the export can drop them); 10 or 11 digits starting with 0.
    private static string? NormalizePhone(string input)
    {
        var text = new StringBuilder();
        foreach (var c in input.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsAsciiDigit(c))
            {
                text.Append(c);
            }
            else if (c is '-' or '‐' or '−' or '–' or '—' or 'ー' or 'ｰ')
            {
                text.Append('-');
            }
            else if (!char.IsWhiteSpace(c))
            {
                return null;
            }
        }

        var phone = text.ToString().Trim('-');
        var digits = phone.Count(char.IsAsciiDigit);
        return phone.StartsWith('0') && digits is 10 or 11 && !phone.Contains("--", StringComparison.Ordinal) ? phone : null;
    }

    private string Message(string key, params object[] args) => strings[key, args];

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
