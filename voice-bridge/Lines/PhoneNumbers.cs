using System.Text;
using Microsoft.Extensions.Localization;

namespace ConversationHub.VoiceBridge.Lines;

/// <summary>
/// Reads a phone number typed by staff as E.164 (<c>+81312345678</c>): full-width characters, spaces and hyphens are
/// tolerated (「＋８１ ３-１２３４-５６７８」), anything else is refused with the reason, so the message can say what to fix.
/// </summary>
internal static class PhoneNumbers
{
    public enum Problem
    {
        None,
        Empty,
        NotInternational,
        InvalidCharacters,
        WrongLength,
        WrongJapaneseLength,
    }

    /// <summary>Normalizes <paramref name="input"/> to E.164, or says why it is not one.</summary>
    public static Problem TryNormalize(string? input, out string number)
    {
        number = "";
        var text = (input ?? "").Normalize(NormalizationForm.FormKC).Trim();
        if (text.Length == 0)
        {
            return Problem.Empty;
        }

        var compact = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is ' ' or '-' or '‐' or '−' or '(' or ')')
            {
                continue;
            }

            compact.Append(c);
        }

        var value = compact.ToString();
        if (value.Length == 0 || value[0] != '+')
        {
            return value.All(char.IsAsciiDigit) ? Problem.NotInternational : Problem.InvalidCharacters;
        }

        var digits = value[1..];
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            return Problem.InvalidCharacters;
        }

        // Japan first, for the more precise message: the domestic number without its leading 0, 9 digits (fixed lines)
        // or 10 (mobile, 050, 0120 …).
        if (digits.StartsWith("81", StringComparison.Ordinal))
        {
            if (digits.Length is < 11 or > 12 || digits[2] == '0')
            {
                return Problem.WrongJapaneseLength;
            }
        }
        else if (digits[0] == '0' || digits.Length < 8 || digits.Length > 15)
        {
            // E.164: a country code (never starting with 0) and at most 15 digits in all.
            return Problem.WrongLength;
        }

        number = "+" + digits;
        return Problem.None;
    }

    /// <summary>Whether <paramref name="value"/> is already a normalized E.164 number.</summary>
    public static bool IsE164(string? value) =>
        TryNormalize(value, out var normalized) == Problem.None && string.Equals(normalized, value, StringComparison.Ordinal);

    /// <summary>The message for a problem with a field (<c>PhoneLineStrings</c>: <c>Number_&lt;Problem&gt;</c>, the field's label as {0}).</summary>
    public static string Message(IStringLocalizer strings, Problem problem, string label) => strings["Number_" + problem, label];
}
